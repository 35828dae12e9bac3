import { listLeadsSince } from "@/db/queries/portal-leads";
import { AuthzError, getSchoolScope } from "@/lib/authz";
import { readLeadFilters } from "@/lib/auth/lead-filters";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** Leads newer than `since` for the caller's school and filters: the live list's polling endpoint. */
export async function GET(request: Request) {
  let scope;
  try {
    scope = await getSchoolScope("member");
  } catch (error) {
    if (error instanceof AuthzError) return Response.json({ error: error.code }, { status: error.code === "unauthenticated" ? 401 : 403, headers: NO_STORE });
    throw error;
  }
  const since = new Date(new URL(request.url).searchParams.get("since") ?? "");
  if (Number.isNaN(since.getTime())) return Response.json({ error: "since must be a date" }, { status: 400, headers: NO_STORE });
  const rows = await listLeadsSince(scope, await readLeadFilters(), since);
  return Response.json(
    {
      leads: rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`.trim(), programTitle: r.programTitle, createdAt: r.createdAt.toISOString() })),
    },
    { headers: NO_STORE },
  );
}
