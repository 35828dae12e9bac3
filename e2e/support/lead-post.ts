import { randomUUID } from "node:crypto";

/**
 * The Request Info form posted the way a browser without JavaScript posts it (multipart, with the
 * page's hidden fields and an Origin), for the specs and benches that send leads by the thousand
 * over plain HTTP: the fault specs, `bench/leads.bench.ts` and `bench/mixed.bench.ts`.
 */

export const VALLEY_SLUG = "valley-allied-health-institute-medical-billing-and-coding";
export const VALLEY_INBOX = "admissions@valley-allied-health-institute.example";

/** The hidden fields of a program's Request Info page, plus the id of the campus named `campus`. */
export async function scrapeLeadForm(origin: string, slug = VALLEY_SLUG, campus = "Van Nuys"): Promise<Record<string, string>> {
  const html = await (await fetch(`${origin}/programs/${slug}/request-info`)).text();
  const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    if (type === "hidden" && name) fields[name] = value.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  }
  const campusId = new RegExp(`<option value="(\\d+)">${campus}`).exec(form)?.[1];
  if (!campusId) throw new Error(`the Request Info form has no ${campus} campus option`);
  fields.campusId = campusId;
  return fields;
}

/**
 * The `n`th student of a run: an email under `domain` and a phone number no other `n` shares, with
 * letters-only names (the form refuses digits in names).
 */
export function leadStudent(n: number, domain: string, name: { firstName: string; lastName: string }) {
  return {
    ...name,
    email: `s${n}@${domain}`,
    phone: `(818) ${String(200 + (Math.floor(n / 10_000) % 700))}-${String(n % 10_000).padStart(4, "0")}`,
    zip: "91402",
    educationLevel: "high_school",
    desiredStart: "immediately",
    consent: "on",
  };
}
export type LeadStudent = ReturnType<typeof leadStudent>;

/** The form's multipart body for one student, with an idempotency key of its own. */
export function leadFormBody(hidden: Record<string, string>, student: LeadStudent): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries({ ...hidden, ...student, idempotencyKey: randomUUID() })) body.append(k, v);
  return body;
}

export type PostOutcome = "accepted" | "refused" | "cut" | "unreachable";

/**
 * Posts one student's request. "accepted": the server answered 303 to the thank-you page;
 * "refused": it answered anything else; "cut": the connection broke with the request in flight;
 * "unreachable": nothing listened.
 */
export async function postLead(origin: string, hidden: Record<string, string>, student: LeadStudent, slug = VALLEY_SLUG): Promise<PostOutcome> {
  try {
    const res = await fetch(`${origin}/programs/${slug}/request-info`, {
      method: "POST",
      body: leadFormBody(hidden, student),
      redirect: "manual",
      headers: { origin },
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return res.status === 303 && (res.headers.get("location") ?? "").includes("/thank-you/") ? "accepted" : "refused";
  } catch (error) {
    const code = error instanceof Error && error.cause && typeof error.cause === "object" && "code" in error.cause ? error.cause.code : null;
    return code === "ECONNREFUSED" ? "unreachable" : "cut";
  }
}
