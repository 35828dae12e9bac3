import { after } from "next/server";
import { getClickTarget, recordProgramClick } from "@/db/queries/programs";
import { safeErrorSummary } from "@/lib/log";
import { sameSitePath } from "@/lib/validations/directory";

export const dynamic = "force-dynamic";

/**
 * Visit School Site: records the click (program, school, time, the same-site path it came from;
 * nothing about the person) and redirects to the URL stored for the program. The destination is
 * never taken from the request.
 *
 * A GET that writes, on purpose: the link must work from anywhere (a search result, a shared link),
 * and what it writes is an anonymous count that no cookie or session feeds. Another site making
 * browsers load it can only add clicks, which it could do just as well by requesting it itself.
 */
export async function GET(request: Request, { params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const id = /^\d{1,9}$/.test(programId) ? Number(programId) : NaN;
  const target = Number.isSafeInteger(id) && id > 0 ? await getClickTarget(id) : null;
  if (!target || !/^https?:\/\//i.test(target.websiteUrl)) {
    return new Response("This program is not listed.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const fromPath = sameSitePath(new URL(request.url).searchParams.get("from"));
  // Written after the response is sent: the student is not kept waiting for the insert.
  after(() =>
    recordProgramClick({ programId: target.programId, schoolId: target.schoolId, fromPath }).catch((error: unknown) => {
      console.error("go: could not record a click:", safeErrorSummary(error));
    }),
  );
  return new Response(null, {
    status: 302,
    headers: { location: target.websiteUrl, "cache-control": "no-store", "referrer-policy": "origin" },
  });
}
