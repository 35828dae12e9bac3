/**
 * Generates schools, programs, lead requests, leads, outbox rows and Visit School Site clicks with
 * set-based SQL (`insert ... select generate_series(...)`), so a million leads take seconds, not
 * hours. Every value comes from a fixed hash of the row number: two runs make the same data.
 * Used by the operator-dashboard tests (a few thousand leads) and by bench/ops.bench.ts (a million).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { leadRejectionReasons } from "@/db/schema";
import { PROGRAM_AREAS } from "@/db/seed/schools";

export type GenerateOptions = {
  schools: number;
  leads: number;
  /** Leads are spread evenly over the `days` days that end at `end` (exclusive). */
  days: number;
  end: Date;
  /** Programs per school. */
  programsPerSchool?: number;
  /** Visit School Site clicks, spread like the leads. */
  clicks?: number;
  /** Refused Request Info submissions (lead_rejections), spread like the leads; some of unknown programs. */
  rejections?: number;
};

const STATES = ["CA", "TX", "FL", "NY", "IL", "PA", "OH", "GA", "NC", "MI", "AZ", "WA", "CO", "NV", "OR"];
const SOURCES = ["google", "facebook", "bing", "newsletter", "partner-a", "partner-b"];

/** A stable pseudo-random number in [0, mod) for the integer expression `n`. */
function h(n: SQL | string, salt: number, mod: number): SQL {
  const expr = typeof n === "string" ? sql.raw(n) : n;
  return sql`((((${expr})::bigint * 2654435761 + ${sql.raw(String(salt * 40503))}) % 4294967291) % ${sql.raw(String(mod))})`;
}

function arr(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v}'`).join(",")}]`);
}

export async function generateLeadData(db: Db | Tx, options: GenerateOptions): Promise<void> {
  const S = options.schools;
  const N = options.leads;
  const P = options.programsPerSchool ?? 4;
  const R = Math.max(1, Math.ceil(N * 0.8));
  const spanSeconds = options.days * 86_400;
  const end = options.end.toISOString();
  const areaSlugs = PROGRAM_AREAS.map((a) => a.slug);
  const raw = (s: number) => sql.raw(String(s));

  await db.execute(sql`insert into program_areas (slug, name, cip_code)
    select v.slug, v.name, v.cip from (values ${sql.join(
      PROGRAM_AREAS.map((a) => sql`(${a.slug}, ${a.name}, ${a.cipCode})`),
      sql`, `,
    )}) as v(slug, name, cip) on conflict (slug) do nothing`);

  await db.execute(sql`insert into schools (slug, name, website)
    select 'gen-school-' || g, 'Generated School ' || g, 'https://school' || g || '.example'
    from generate_series(1, ${raw(S)}) g`);

  await db.execute(sql`insert into campuses (school_id, name, address, city, state, zip, latitude, longitude)
    select s.id, 'Main campus', '1 Main St', 'Springfield', (${arr(STATES)})[1 + ${h("g", 1, STATES.length)}], '00000', 40, -90
    from generate_series(1, ${raw(S)}) g join schools s on s.slug = 'gen-school-' || g`);

  await db.execute(sql`insert into programs (school_id, program_area_id, slug, title, credential_level, delivery, length_months, website_url, status)
    select s.id, a.id, 'gen-p-' || ((g - 1) * ${raw(P)} + k), 'Program ' || k || ' of school ' || g,
      'certificate', 'online', 12, 'https://school' || g || '.example/p' || k, 'active'
    from generate_series(1, ${raw(S)}) g
    cross join generate_series(1, ${raw(P)}) k
    join schools s on s.slug = 'gen-school-' || g
    join program_areas a on a.slug = (${arr(areaSlugs)})[1 + ${h("g * 7 + k", 2, areaSlugs.length)}]`);

  // Request r is made at end - offset(r); some requests reach two schools (leads r and r + R).
  const requestTime = (r: string) =>
    sql`(${end}::timestamptz - (1 + ${h(r, 3, spanSeconds - 1)}) * interval '1 second')`;
  await db.execute(sql`insert into lead_requests (id, idempotency_key, first_name, last_name, email, phone_e164, zip, state,
      education_level, desired_start, attribution, created_at)
    select md5('req' || g)::uuid, 'gen-req-' || g, 'First' || g, 'Last' || g,
      'student' || (g % ${raw(Math.max(1, Math.floor(R / 2)))}) || '@example.com', '+1555' || lpad((g % 10000000)::text, 7, '0'), '00000',
      case when ${h("g", 4, 20)} = 0 then null else (${arr(STATES)})[1 + ${h("g", 5, STATES.length)}] end,
      'high_school', 'immediately',
      case when ${h("g", 6, 5)} = 0 then '{}'::jsonb
        else jsonb_build_object('utm_source', (${arr(SOURCES)})[1 + ${h("g", 7, SOURCES.length)}], 'utm_medium', 'cpc') end,
      ${requestTime("g")}
    from generate_series(1, ${raw(R)}) g`);

  await db.execute(sql`insert into leads (id, request_id, school_id, program_id, status, duplicate_of_id, created_at)
    select md5('lead' || j)::uuid, md5('req' || (((j - 1) % ${raw(R)}) + 1))::uuid, p.school_id, p.id,
      (array['new','contacted','appointment','applied','enrolled','closed'])[1 + ${h("j", 8, 6)}]::lead_status,
      case when ${h("j", 9, 10)} = 0 and j > 1 then md5('lead' || (j - 1))::uuid end,
      ${requestTime(`(((j - 1) % ${R}) + 1)`)}
    from generate_series(1, ${raw(N)}) j
    join programs p on p.slug = 'gen-p-' || (1 + ${h("j", 10, S * P)})`);

  // One school notification per lead: mostly sent within minutes, some failed, some still pending.
  await db.execute(sql`insert into email_outbox (kind, lead_id, school_id, to_addresses, subject, html, text, idempotency_key,
      status, attempts, last_error, created_at, sent_at, next_attempt_at)
    select 'lead_notification', l.id, l.school_id, array['admissions@school.example'], 'New lead', '<p>New lead</p>', 'New lead',
      'gen-out-' || l.id,
      (case when q.v < 3 then 'failed' when q.v < 5 then 'pending' else 'sent' end)::outbox_status,
      case when q.v < 3 then 6 else 1 end,
      case when q.v < 3 then 'provider answered 422' end,
      l.created_at,
      case when q.v >= 5 then l.created_at + (1 + ${h("q.n", 12, 900)}) * interval '1 second' end,
      l.created_at
    from leads l
    join lead_requests r on r.id = l.request_id and r.idempotency_key like 'gen-req-%'
    cross join lateral (select (hashtext(l.id::text)::bigint & 1048575) as n) x
    cross join lateral (select x.n as n, ${h("x.n", 11, 100)} as v) q`);

  if (options.clicks) await generateClicks(db, { ...options, clicks: options.clicks });
  if (options.rejections) await generateRejections(db, { ...options, rejections: options.rejections });
}

/** Refused submissions (lead_rejections) on the generated programs, some of no known program. */
export async function generateRejections(
  db: Db | Tx,
  options: Pick<GenerateOptions, "schools" | "days" | "end" | "programsPerSchool"> & { rejections: number },
): Promise<void> {
  const programs = options.schools * (options.programsPerSchool ?? 4);
  const reasons = [...leadRejectionReasons];
  await db.execute(sql`insert into lead_rejections (reason, program_id, school_id, created_at)
    select (${arr(reasons)})[1 + ${h("g", 15, reasons.length)}], p.id, p.school_id,
      ${options.end.toISOString()}::timestamptz - (1 + ${h("g", 16, options.days * 86_400 - 1)}) * interval '1 second'
    from generate_series(1, ${sql.raw(String(options.rejections))}) g
    left join programs p on p.slug = 'gen-p-' || (1 + ${h("g", 17, programs + options.schools)})`);
}

/** Visit School Site clicks on the generated programs, spread over the same days as the leads. */
export async function generateClicks(
  db: Db | Tx,
  options: Pick<GenerateOptions, "schools" | "days" | "end" | "programsPerSchool"> & { clicks: number },
): Promise<void> {
  const programs = options.schools * (options.programsPerSchool ?? 4);
  const spanSeconds = options.days * 86_400;
  await db.execute(sql`insert into program_clicks (program_id, school_id, from_path, created_at)
    select p.id, p.school_id, '/programs', ${options.end.toISOString()}::timestamptz - (1 + ${h("c", 13, spanSeconds - 1)}) * interval '1 second'
    from generate_series(1, ${sql.raw(String(options.clicks))}) c
    join programs p on p.slug = 'gen-p-' || (1 + ${h("c", 14, programs)})`);
}
