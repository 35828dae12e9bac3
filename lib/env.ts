import { z } from "zod";

/**
 * Every environment variable the app reads, in one schema, with the defaults that let `npm run dev`
 * work with no configuration at all. `env()` parses lazily (never at import, so `next build` runs
 * without secrets); `checkEnv()` is what the server runs once at start (instrumentation.ts): in
 * production it refuses to start without what it needs, naming each missing variable.
 *
 * Not here: NEXT_RUNTIME / NEXT_PHASE (set by Next itself), and the e2e/bench harness variables.
 * Auth.js reads AUTH_SECRET, AUTH_URL and AUTH_TRUST_HOST itself; they are validated here too.
 */

const DEFAULT_SITE_URL = "http://localhost:3000";
export const MIN_SECRET_LENGTH = 32;

const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");
const count = (min: number) => z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(min, `must be at least ${min}`);
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL like https://example.com" });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL")
    .optional(),
  PGLITE_DIR: z.string().optional(),
  DATABASE_POOL_MAX: count(1).default(10),
  /** Seconds to wait for a Postgres connection before the request fails (and the page says so). */
  DATABASE_CONNECT_TIMEOUT: count(1).default(5),
  /** The app pool's statement_timeout: no request waits on one query longer than this. */
  DATABASE_STATEMENT_TIMEOUT_MS: count(100).default(15_000),
  SEED_ON_EMPTY: flag.default(true),
  TEST_DATABASE_URL: z.string().optional(),

  SITE_URL: httpUrl.default(DEFAULT_SITE_URL).transform((v) => v.replace(/\/+$/, "")),
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const out: string[] = [];
      for (const part of v.split(",").map((s) => s.trim()).filter(Boolean)) {
        try {
          const url = new URL(part);
          if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
          out.push(url.origin);
        } catch {
          ctx.addIssue({ code: "custom", message: `"${part.slice(0, 60)}" is not an origin like https://example.com` });
          return z.NEVER;
        }
      }
      return out;
    }),

  AUTH_SECRET: z.string().optional(),
  AUTH_URL: httpUrl.optional(),
  AUTH_TRUST_HOST: flag.optional(),
  LINK_SECRET: z.string().optional(),

  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: httpUrl.optional(),
  EMAIL_FROM: z.string().min(3).default("CareerPath Schools <leads@careerpath-schools.example>"),
  EMAIL_SEND_TIMEOUT_MS: count(1).default(15_000),

  DELIVERY_WORKER: z.enum(["in-app", "external"], { error: 'must be "external" (or unset for in-app)' }).default("in-app"),
  DELIVERY_RETRY_SCHEDULE: z
    .string()
    .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, "must be seconds separated by commas, like 0,60,300")
    .transform((v) => v.split(",").map((s) => Number(s.trim())))
    .default([0, 60, 300, 1800, 7200]),
  DELIVERY_POLL_MS: count(50).optional(),
  /** How long a claimed email stays claimed before another worker may send it (same Idempotency-Key). */
  DELIVERY_LOCK_SECONDS: count(5).default(120),

  LEAD_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, "must be count/seconds, like 5/600")
    .transform((v) => {
      const [limit, windowSeconds] = v.split("/").map(Number) as [number, number];
      return { limit, windowSeconds };
    })
    .default({ limit: 5, windowSeconds: 600 }),
  LEAD_MIN_FILL_MS: count(0).default(3_000),
  TRUSTED_PROXY_HOPS: count(0).default(0),
});

export type Env = z.output<typeof schema>;
const KEYS = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

/** Unset and empty are the same thing (an `export X=` in a shell script). */
function source(): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of KEYS) {
    const v = process.env[key];
    out[key] = v === undefined || v.trim() === "" ? undefined : v;
  }
  return out;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function describeIssues(error: z.ZodError): string[] {
  // The message names the variable and the rule; never the value, which may be a secret.
  return error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`);
}

let cache: { raw: (string | undefined)[]; env: Env } | null = null;

/**
 * The validated configuration. Re-parsed only when a variable changed (tests set some at run time).
 * Throws an EnvError naming the variable when a value is malformed.
 */
export function env(): Env {
  const raw = source();
  const values = KEYS.map((k) => raw[k]);
  if (cache && cache.raw.every((v, i) => v === values[i])) return cache.env;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new EnvError(describeIssues(parsed.error));
  cache = { raw: values, env: parsed.data };
  return parsed.data;
}

export const isProduction = () => env().NODE_ENV === "production";

/** Public origin of the site, without a trailing slash. */
export const siteOrigin = () => env().SITE_URL;

/**
 * Whether the Host / X-Forwarded-Host headers name this site, as Auth.js decides it: AUTH_URL or
 * AUTH_TRUST_HOST set, or not in production.
 */
export function trustHost(e: Env = env()): boolean {
  if (e.AUTH_TRUST_HOST !== undefined) return e.AUTH_TRUST_HOST;
  return Boolean(e.AUTH_URL) || e.NODE_ENV !== "production";
}

/** The HMAC key for signed links: LINK_SECRET, else AUTH_SECRET; a fixed key only outside production. */
export function linkSecret(): string {
  const e = env();
  const s = e.LINK_SECRET ?? e.AUTH_SECRET;
  if (s) return s;
  if (e.NODE_ENV === "production") throw new EnvError(["LINK_SECRET (or AUTH_SECRET) must be set in production"]);
  return "dev-only-link-secret-not-for-production";
}

export type EnvReport = { errors: string[]; warnings: string[] };

/**
 * What the server checks once at start. Errors stop a production server; warnings are printed.
 * Outside production only malformed values are errors, so `npm run dev` needs no configuration.
 */
export function checkEnv(): EnvReport {
  const raw = source();
  const errors: string[] = [];
  const warnings: string[] = [];
  const production = (raw.NODE_ENV ?? "development") === "production";
  const longEnough = (s: string | undefined) => (s ?? "").length >= MIN_SECRET_LENGTH;

  // Secrets first, from the raw values, so one start reports every problem at once.
  if (production) {
    if (!raw.AUTH_SECRET) {
      errors.push(`AUTH_SECRET is not set. It signs session cookies; generate one with \`openssl rand -base64 32\` (at least ${MIN_SECRET_LENGTH} characters).`);
    } else if (!longEnough(raw.AUTH_SECRET)) {
      errors.push(`AUTH_SECRET is too short: it must be at least ${MIN_SECRET_LENGTH} characters (\`openssl rand -base64 32\`).`);
    }
    if (raw.LINK_SECRET !== undefined && !longEnough(raw.LINK_SECRET)) {
      errors.push(`LINK_SECRET is too short: it must be at least ${MIN_SECRET_LENGTH} characters, or unset to use AUTH_SECRET.`);
    }
  } else if (raw.AUTH_SECRET && !longEnough(raw.AUTH_SECRET)) {
    warnings.push(`AUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; a production server refuses to start with it.`);
  }

  let e: Env;
  try {
    e = env();
  } catch (error) {
    if (error instanceof EnvError) return { errors: [...errors, ...error.problems], warnings };
    throw error;
  }
  if (production) {
    if (!e.DATABASE_URL) {
      warnings.push(
        "DATABASE_URL is not set: this production server keeps its data in an embedded PGlite folder " +
          `(${e.PGLITE_DIR ?? ".data/pglite"}), for one process only, with no backups. Set DATABASE_URL to a Postgres database.`,
      );
    }
    if (!e.RESEND_API_KEY) {
      warnings.push("RESEND_API_KEY is not set: no email leaves this server. Lead emails stay in the local outbox (operators read them at /ops/mailbox).");
    }
    if (!raw.SITE_URL) {
      warnings.push(`SITE_URL is not set: links in emails point at ${DEFAULT_SITE_URL}. Set it to the site's public origin.`);
    } else if (!e.SITE_URL.startsWith("https://") && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(e.SITE_URL)) {
      warnings.push("SITE_URL is not https: session cookies are sent without the Secure flag.");
    }
  }
  return { errors, warnings };
}

/**
 * The server's start (instrumentation.ts): print the warnings; with any error, print a message
 * naming each variable and exit non-zero, so a misconfigured server never takes a request.
 */
export function enforceEnvAtStart(): void {
  const { errors, warnings } = checkEnv();
  for (const warning of warnings) console.warn(`[config] WARNING: ${warning}`);
  if (errors.length === 0) return;
  console.error(`[config] The server cannot start:\n${errors.map((e) => `  - ${e}`).join("\n")}\nSee "Configuration" in README.md.`);
  process.exit(1);
}
