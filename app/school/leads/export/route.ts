import { stringify } from "csv-stringify";
import { recordAudit } from "@/db/queries/audit";
import { iterateLeadsForExport } from "@/db/queries/portal-leads";
import { AuthzError, getSchoolScope } from "@/lib/authz";
import { readLeadFilters } from "@/lib/auth/lead-filters";
import { requestIp } from "@/lib/auth/request-ip";
import { safeErrorSummary } from "@/lib/log";

export const dynamic = "force-dynamic";

const COLUMNS = [
  "lead_id",
  "received_at_utc",
  "status",
  "closed_reason",
  "first_name",
  "last_name",
  "email",
  "phone",
  "zip",
  "city",
  "state",
  "program",
  "campus",
  "education_level",
  "desired_start",
  "consented_at_utc",
  "consent_text_version",
];

/** Text typed by students must not run as a spreadsheet formula when the school opens the file. */
const cell = (v: string | null | undefined) => {
  const s = v ?? "";
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** The filtered leads list as CSV, streamed row by row; the caller's school only; audited. */
export async function GET(request: Request) {
  // A GET, but one that writes an audit record and downloads personal data: another site's link
  // must not start it for a signed-in user (the Lax session cookie rides along on top-level links).
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return new Response("Open the export from the leads page.", { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  let scope;
  try {
    scope = await getSchoolScope("member");
  } catch (error) {
    if (error instanceof AuthzError) return new Response(error.message, { status: error.code === "unauthenticated" ? 401 : 403, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
  const filters = await readLeadFilters();
  await recordAudit({
    action: "leads.exported",
    actorUserId: scope.userId,
    schoolId: scope.schoolId,
    metadata: { filters: { ...filters, q: filters.q ? "(search)" : undefined } },
    ipAddress: requestIp(request.headers),
  });
  const csv = stringify({ header: true, columns: COLUMNS });
  (async () => {
    try {
      for await (const r of iterateLeadsForExport(scope, filters)) {
        const ok = csv.write([
          r.id,
          r.createdAt.toISOString(),
          r.status,
          cell(r.closedReason),
          cell(r.firstName),
          cell(r.lastName),
          cell(r.email),
          r.phone,
          cell(r.zip),
          cell(r.city),
          cell(r.state),
          cell(r.programTitle),
          cell(r.campusName),
          cell(r.educationLevel),
          cell(r.desiredStart),
          r.consentedAt?.toISOString() ?? "",
          r.consentTextVersion ?? "",
        ]);
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (error) {
      console.error("lead export failed:", safeErrorSummary(error));
      csv.destroy(error instanceof Error ? error : new Error("export failed"));
    }
  })();
  const stamp = new Date().toISOString().slice(0, 10);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      csv.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      csv.on("end", () => controller.close());
      csv.on("error", (e) => controller.error(e));
    },
    cancel() {
      csv.destroy();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="leads-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
