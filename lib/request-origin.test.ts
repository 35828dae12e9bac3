import { afterEach, describe, expect, it } from "vitest";
import { checkEnv } from "./env";
import { checkSameOrigin, cookieOptions } from "./request-origin";

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

function setEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

const h = (values: Record<string, string>) => new Headers(values);

describe("the same-origin check", () => {
  it("accepts SITE_URL and ALLOWED_ORIGINS, refuses other origins and a missing one", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "https://careerpath.example", AUTH_TRUST_HOST: undefined, AUTH_URL: undefined, ALLOWED_ORIGINS: "https://www.careerpath.example" });
    expect(checkSameOrigin(h({ origin: "https://careerpath.example", host: "internal:3000" }))).toEqual({ ok: true });
    expect(checkSameOrigin(h({ origin: "https://www.careerpath.example", host: "internal:3000" }))).toEqual({ ok: true });
    expect(checkSameOrigin(h({ origin: "http://careerpath.example", host: "careerpath.example" }))).toEqual({ ok: false, reason: "foreign" });
    expect(checkSameOrigin(h({ origin: "https://evil.example", host: "careerpath.example" }))).toEqual({ ok: false, reason: "foreign" });
    expect(checkSameOrigin(h({ origin: "null", host: "careerpath.example" }))).toEqual({ ok: false, reason: "foreign" });
    expect(checkSameOrigin(h({ host: "careerpath.example" }))).toEqual({ ok: false, reason: "missing" });
  });

  it("compares with the Host headers only when they are trusted", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "https://careerpath.example", AUTH_TRUST_HOST: undefined, AUTH_URL: undefined, ALLOWED_ORIGINS: undefined });
    const viaProxy = h({ origin: "https://staging.careerpath.example", "x-forwarded-host": "staging.careerpath.example", "x-forwarded-proto": "https" });
    expect(checkSameOrigin(viaProxy).ok).toBe(false);
    setEnv({ AUTH_TRUST_HOST: "true" });
    expect(checkSameOrigin(viaProxy).ok).toBe(true);
    // The forwarded protocol, when given, must match too.
    expect(checkSameOrigin(h({ origin: "http://staging.careerpath.example", "x-forwarded-host": "staging.careerpath.example", "x-forwarded-proto": "https" })).ok).toBe(false);
  });

  it("marks our cookies Secure when the site is https or a trusted proxy says so", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3000", AUTH_TRUST_HOST: "true" });
    expect(cookieOptions(h({ host: "localhost:3000" }))).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect(cookieOptions(h({ host: "localhost:3000", "x-forwarded-proto": "https" })).secure).toBe(true);
    setEnv({ SITE_URL: "https://careerpath.example", AUTH_TRUST_HOST: undefined });
    expect(cookieOptions(h({ host: "internal" })).secure).toBe(true);
  });
});

describe("the start-up configuration check", () => {
  it("in production requires a long AUTH_SECRET and names every malformed variable", () => {
    setEnv({ NODE_ENV: "production", AUTH_SECRET: undefined, LINK_SECRET: undefined, DELIVERY_POLL_MS: "soon", DATABASE_URL: undefined, RESEND_API_KEY: undefined });
    const report = checkEnv();
    expect(report.errors.join("\n")).toMatch(/AUTH_SECRET is not set/);
    expect(report.errors.join("\n")).toMatch(/DELIVERY_POLL_MS must be a whole number/);
    setEnv({ AUTH_SECRET: "x".repeat(32), DELIVERY_POLL_MS: undefined, SITE_URL: "https://careerpath.example" });
    const ok = checkEnv();
    expect(ok.errors).toEqual([]);
    expect(ok.warnings.join("\n")).toMatch(/RESEND_API_KEY is not set/);
    expect(ok.warnings.join("\n")).toMatch(/DATABASE_URL is not set/);
  });

  it("outside production needs nothing", () => {
    setEnv({ NODE_ENV: "development", AUTH_SECRET: undefined, SITE_URL: undefined, DATABASE_URL: undefined });
    expect(checkEnv()).toEqual({ errors: [], warnings: [] });
  });
});
