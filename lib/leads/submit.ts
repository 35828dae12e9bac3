import "server-only";
import { createHash, randomUUID } from "node:crypto";
import zipcodes from "zipcodes";
import { getDb, type Db } from "@/db/client";
import {
  createLeadRequest,
  findRequestIdByIdempotencyKey,
  getRequestInfoContext,
  LeadCapReachedError,
  type LeadCampus,
  type LeadProgram,
} from "@/db/queries/leads";
import { recordLeadRejection } from "@/db/queries/lead-rejections";
import type { LeadRejectionReason } from "@/db/schema";
import { fieldErrorsFromZod, type ActionState } from "@/lib/action-state";
import { renderLeadNotification, renderStudentConfirmation, siteUrl, utcStamp } from "@/lib/email/render";
import { CONSENT_TEXT_VERSION, consentKey, consentText } from "@/lib/leads/consent";
import { desiredStartLabel, educationLabel, militaryLabel } from "@/lib/leads/options";
import { formAgeMs, studentLink } from "@/lib/leads/signing";
import { checkRateLimit, leadRateLimit } from "@/lib/rate-limit";
import { formatPhone } from "@/lib/leads/phone";
import { leadFormSchema, type LeadInput } from "@/lib/validations/lead";
import { env } from "@/lib/env";
import { safeErrorSummary } from "@/lib/log";

export type SubmitMeta = { ip: string | null; userAgent: string | null; pageUrl: string | null; now?: Date };
/** `capsReached`: programs this request brought to a lead cap (their ads change at once). */
export type SubmitResult = ActionState<{ requestId: string; replayed: boolean; capsReached?: number[] }>;

/** The answer when the program asked about is at its lead cap: refused, never sent elsewhere instead. */
export const PROGRAM_CAPPED_MESSAGE =
  "This program is not taking requests right now: the school has received all the requests it can answer for now. Nothing was sent. Please try again later.";

export const minFillMs = () => env().LEAD_MIN_FILL_MS;
const FORM_MAX_AGE_MS = 24 * 3600 * 1000;
/** What a form's idempotency key looks like (lib/validations/lead.ts checks it fully). */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text inputs echoed back so a page rendered without JavaScript keeps what was typed. */
function echo(raw: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of ["firstName", "lastName", "email", "phone", "zip", "educationLevel", "desiredStart", "campusId", "hsGradYear", "militaryAffiliation", "idempotencyKey"]) {
    const v = raw[k];
    if (typeof v === "string") out[k] = v.slice(0, 300);
  }
  const also = raw.alsoProgramIds;
  if (Array.isArray(also)) out.alsoProgramIds = also.filter((v): v is string => typeof v === "string").slice(0, 10).map((v) => v.slice(0, 20));
  if (raw.consent === "on" || raw.consent === true) out.consent = "on";
  return out;
}

function nearestCampus(list: LeadCampus[], lat: number, lon: number): LeadCampus | null {
  let best: LeadCampus | null = null;
  let bestD = Infinity;
  for (const c of list) {
    const d = (c.latitude - lat) ** 2 + ((c.longitude - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/**
 * Everything the Request Info action does, apart from reading the request: validate, screen for
 * abuse, store in one transaction with the outbox rows. Never throws for bad input.
 */
export async function submitLeadRequest(raw: Record<string, unknown>, meta: SubmitMeta, database?: Db): Promise<SubmitResult> {
  const db = database ?? (await getDb());
  const now = meta.now ?? new Date();
  const values = echo(raw);
  const fail = (message: string, fieldErrors: Record<string, string> = {}): SubmitResult => ({ ok: false, message, fieldErrors, values });

  // The form's program id, when it can name a program row (a positive int4); null otherwise.
  const asNumber = Number(typeof raw.programId === "string" ? raw.programId : NaN);
  const programId = Number.isSafeInteger(asNumber) && asNumber > 0 && asNumber < 2 ** 31 ? asNumber : null;
  /**
   * A refusal the operators count as a rejected submission (the dashboard's rejected share): the
   * request was not stored and correcting a field would not change that. Field errors the student
   * fixes and sends again are not counted. Failing to record it never changes the answer.
   */
  const reject = async (reason: LeadRejectionReason, message: string): Promise<SubmitResult> => {
    await recordLeadRejection(reason, programId, now, db).catch((error: unknown) =>
      console.error("lead rejection not recorded:", safeErrorSummary(error)),
    );
    return fail(message);
  };
  // The program and an earlier request with this form's key, looked up together (the key is
  // checked against the validated one below before its answer counts).
  const rawKey = typeof raw.idempotencyKey === "string" && UUID_SHAPE.test(raw.idempotencyKey) ? raw.idempotencyKey : null;
  const [context, earlierForRawKey] = await Promise.all([
    programId !== null ? getRequestInfoContext({ id: programId }, db) : null,
    rawKey ? findRequestIdByIdempotencyKey(rawKey, db) : null,
  ]);
  if (!context) return reject("unavailable", "This program is not taking requests at the moment. Please choose another program.");
  if (context.program.capped) return reject("at_cap", PROGRAM_CAPPED_MESSAGE);

  const parsed = leadFormSchema({
    campusIds: context.program.campuses.map((c) => c.id),
    suggestionIds: context.suggestions.map((s) => s.id),
  }).safeParse(raw);
  if (!parsed.success) return fail("Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error));
  const data = parsed.data;

  if (data.website !== "") {
    return reject("bot_trap", "We could not send this request because a field meant to stay empty was filled in. Please reload the page and try again.");
  }
  const age = formAgeMs(data.formToken, now.getTime());
  if (age === null || age > FORM_MAX_AGE_MS) return reject("invalid_form", "This form has expired. Please reload the page and send it again.");
  if (age < minFillMs()) {
    return reject("too_fast", "That was faster than a person can fill in this form. Please check your details and send it again.");
  }

  const place = zipcodes.lookup(data.zip);
  if (!place) return fail("Please correct the highlighted fields.", { zip: "We do not recognise this ZIP code; check it and try again" });

  const earlier = data.idempotencyKey === rawKey ? earlierForRawKey : await findRequestIdByIdempotencyKey(data.idempotencyKey, db);
  if (earlier) return { ok: true, fieldErrors: {}, message: "", data: { requestId: earlier, replayed: true } };

  const limit = await checkRateLimit(db, "lead", meta.ip ?? "unknown", leadRateLimit(), now);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return reject(
      "rate_limited",
      `Too many requests have come from your network in the last few minutes. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }

  const chosen: { program: LeadProgram; campus: LeadCampus | null }[] = [
    {
      program: context.program,
      campus:
        context.program.campuses.find((c) => c.id === data.campusId) ??
        (context.program.campuses.length === 1 ? (context.program.campuses[0] ?? null) : null),
    },
    ...context.suggestions
      .filter((s) => data.alsoProgramIds.includes(s.id))
      .map((program) => ({ program, campus: nearestCampus(program.campuses, place.latitude, place.longitude) })),
  ];
  const schoolNames = [...new Set(chosen.map((c) => c.program.schoolName))];
  const schoolIds = [...new Set(chosen.map((c) => c.program.schoolId))];
  if (data.consentSchoolIds !== undefined && data.consentSchoolIds !== consentKey(schoolIds)) {
    // Without JavaScript the text could not follow the ticks: show the new text and ask again.
    const unticked = Object.fromEntries(Object.entries(values).filter(([k]) => k !== "consent"));
    return {
      ...fail("Please correct the highlighted fields.", {
        consent: "The schools you chose changed: read the consent text again, which now names them, and tick the box",
      }),
      values: unticked,
    };
  }
  const text = consentText(schoolNames);
  const requestId = randomUUID();
  const consent = {
    textVersion: CONSENT_TEXT_VERSION,
    text,
    textSha256: createHash("sha256").update(text).digest("hex"),
    schoolIds,
    schoolNames,
    consentedAt: now,
    ipAddress: meta.ip,
    userAgent: meta.userAgent,
    pageUrl: meta.pageUrl,
  };
  const student = studentDetails(data, place);
  // Every email of the request rendered at once: a render takes several turns of the event loop.
  const [studentEmail, ...targets] = await Promise.all([
    renderStudentConfirmation({
      firstName: data.firstName,
      schools: chosen.map(({ program, campus }) => ({ schoolName: program.schoolName, programTitle: program.title, campusName: campus?.name ?? null })),
      manageUrl: siteUrl(studentLink(requestId)),
    }),
    ...chosen.map(async ({ program, campus }) => {
      const leadId = randomUUID();
      return {
        leadId,
        programId: program.id,
        schoolId: program.schoolId,
        campusId: campus?.id ?? null,
        schoolEmail: await renderLeadNotification({
          schoolName: program.schoolName,
          programTitle: program.title,
          campusName: campus?.name ?? null,
          student,
          consent: { version: consent.textVersion, sha256: consent.textSha256, schoolNames, consentedAtUtc: utcStamp(now) },
          receivedAtUtc: utcStamp(now),
          leadUrl: siteUrl(`/school/leads/${leadId}`),
        }),
      };
    }),
  ]);

  const stored = await createLeadRequest(
    {
      requestId,
      request: {
        idempotencyKey: data.idempotencyKey,
        firstName: data.firstName,
        lastName: data.lastName,
        email: data.email,
        phoneE164: data.phone,
        zip: data.zip,
        city: place.city,
        state: place.state,
        educationLevel: data.educationLevel,
        desiredStart: data.desiredStart,
        hsGradYear: data.hsGradYear ?? null,
        militaryAffiliation: data.militaryAffiliation ?? null,
        attribution: Object.fromEntries(Object.entries(data.attribution).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")),
      },
      targets,
      consent,
      studentEmail,
      now,
    },
    db,
  ).catch((error: unknown) => {
    if (error instanceof LeadCapReachedError) return error;
    throw error;
  });
  if (stored instanceof LeadCapReachedError) {
    // Reached between showing the form and sending it: say which, store nothing.
    if (stored.programIds.includes(context.program.id)) return reject("at_cap", PROGRAM_CAPPED_MESSAGE);
    const names = chosen
      .filter((c) => stored.programIds.includes(c.program.id))
      .map((c) => `${c.program.title} at ${c.program.schoolName}`)
      .join(", ");
    return fail("Please correct the highlighted fields.", {
      alsoProgramIds: `${names} stopped taking requests a moment ago: untick it and send your request again`,
    });
  }
  return {
    ok: true,
    fieldErrors: {},
    message: "",
    data: { requestId: stored.requestId, replayed: stored.replayed, capsReached: stored.capsReached },
  };
}

function studentDetails(data: LeadInput, place: { city: string; state: string }) {
  return {
    firstName: data.firstName,
    lastName: data.lastName,
    email: data.email,
    phone: formatPhone(data.phone),
    zip: data.zip,
    city: place.city,
    state: place.state,
    education: educationLabel(data.educationLevel),
    desiredStart: desiredStartLabel(data.desiredStart),
    hsGradYear: data.hsGradYear ?? null,
    military: data.militaryAffiliation ? militaryLabel(data.militaryAffiliation) : null,
  };
}
