import "server-only";
import { cookies, headers } from "next/headers";
import { cookieOptions } from "@/lib/request-origin";
import { leadFilterSchema, type LeadFilterInput } from "@/lib/validations/school";

/**
 * The leads list's filters live in an httpOnly cookie, not the URL: a search by a student's name
 * or email must not end up in URLs, server logs or browser history. The list, the live updates and
 * the export all read the same filters.
 */
export const LEAD_FILTER_COOKIE = "cp_lead_filters";

export async function readLeadFilters(): Promise<LeadFilterInput> {
  const raw = (await cookies()).get(LEAD_FILTER_COOKIE)?.value;
  if (!raw) return {};
  try {
    return leadFilterSchema.parse(JSON.parse(raw));
  } catch {
    return {};
  }
}

export async function writeLeadFilters(filters: LeadFilterInput) {
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));
  (await cookies()).set(LEAD_FILTER_COOKIE, JSON.stringify(clean), cookieOptions(await headers(), { path: "/school", maxAge: 60 * 60 * 8 }));
}
