import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { refuseCrossSite } from "@/lib/request-origin";

export const { GET } = handlers;

/**
 * Auth.js checks its own double-submit CSRF token on every POST (sign-in, sign-out, credentials
 * callback). The Origin check in front of it refuses another site's form before Auth.js reads it.
 */
export async function POST(request: NextRequest) {
  return refuseCrossSite(request) ?? handlers.POST(request);
}
