import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { VALLEY, newStudent } from "./support/leads";
import { ADMIN_B, OPERATOR, signIn } from "./support/portal";
import { callAction, postFormAsDocument, readActionForm, type Origin } from "./support/server-actions";

/**
 * Cross-site request forgery. Every state-changing request is tried three ways: from another site
 * (a foreign Origin, which Next refuses for server actions and we refuse again), with no Origin at
 * all (which Next lets through and our wrapper refuses), and from our own origin (which works).
 * "No effect" is checked where a user would see it, and the right request afterwards proves the
 * check is not simply refusing everything.
 */

const FOREIGN: Origin = { origin: "https://evil.example" };
const NONE: Origin = { origin: null };
const REFUSED = "This form was not sent from a page of this site";

const ours = (baseURL: string | undefined): Origin => ({ origin: new URL(baseURL ?? "http://localhost:3100").origin });

/** What a refusal looks like: no redirect onwards (the action did not complete) and, from our check, its message. */
async function expectRefused(response: APIResponse, how: "foreign" | "missing") {
  expect(response.headers()["x-action-redirect"]).toBeUndefined();
  expect(response.status() === 303 || response.status() === 307 || response.status() === 302).toBe(false);
  if (how === "missing") expect(await response.text()).toContain(REFUSED);
}

async function leadRowsFor(page: Page, email: string) {
  await page.goto("/school/leads");
  const filters = page.getByRole("form", { name: "Filter leads" });
  await filters.getByLabel("Name or email").fill(email);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("form", { name: "Filter leads" }).getByLabel("Name or email")).toHaveValue(email);
  return page.getByRole("link", { name: "Jamie Rivera-Smith" });
}

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("Request Info and the school's lead status change only from this site's own pages", async ({ browser, playwright, baseURL }) => {
  const student = newStudent();
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": student.ip } });
  const path = `/programs/${VALLEY}/request-info`;
  const fields = {
    firstName: student.firstName,
    lastName: student.lastName,
    email: student.email,
    phone: student.phone,
    zip: student.zip,
    educationLevel: "high_school",
    desiredStart: "1_3_months",
    consent: "on",
  };
  const form = readActionForm(await (await request.get(path)).text());
  const campusId = /<option value="(\d+)"[^>]*>Panorama City/.exec(await (await request.get(path)).text())?.[1];
  expect(campusId).toBeTruthy();
  const lead = { ...fields, campusId: campusId! };

  // Each attempt with its own idempotency key, so a leak would be a lead of its own.
  const fresh = () => ({ ...lead, idempotencyKey: crypto.randomUUID() });
  await expectRefused(await postFormAsDocument(request, path, form, fresh(), FOREIGN), "foreign");
  await expectRefused(await postFormAsDocument(request, path, form, fresh(), NONE), "missing");
  await expectRefused(await callAction(request, path, form, fresh(), FOREIGN), "foreign");
  await expectRefused(await callAction(request, path, form, fresh(), NONE), "missing");

  const school = await signedInPage(browser, ADMIN_B);
  await expect(await leadRowsFor(school, student.email)).toHaveCount(0);

  const accepted = await callAction(request, path, form, fresh(), ours(baseURL));
  expect(accepted.headers()["x-action-redirect"]).toMatch(/^\/thank-you\//);
  await expect(await leadRowsFor(school, student.email)).toHaveCount(1);

  // The school's side: the lead's status, through the portal's wrapper, with the admin's cookies.
  await (await leadRowsFor(school, student.email)).click();
  await expect(school).toHaveURL(/\/school\/leads\/[0-9a-f-]{36}$/);
  const leadPath = new URL(school.url()).pathname;
  const statusForm = readActionForm(await (await school.request.get(leadPath)).text(), "Lead status");
  const change = { status: "contacted", closedReason: "", note: "" };
  await expectRefused(await callAction(school.request, leadPath, statusForm, change, FOREIGN), "foreign");
  await expectRefused(await callAction(school.request, leadPath, statusForm, change, NONE), "missing");
  await expectRefused(await postFormAsDocument(school.request, leadPath, statusForm, change, NONE), "missing");
  await school.reload();
  await expect(school.getByRole("form", { name: "Lead status" }).getByLabel("Status")).toHaveValue("new");

  const saved = await callAction(school.request, leadPath, statusForm, change, ours(baseURL));
  expect(await saved.text()).toContain("Lead updated.");
  await school.reload();
  await expect(school.getByRole("form", { name: "Lead status" }).getByLabel("Status")).toHaveValue("contacted");
  await school.context().close();
  await request.dispose();
});

test("the console creates a school only from its own page", async ({ browser, baseURL }) => {
  const ops = await signedInPage(browser, OPERATOR);
  const name = `Forgery Test College ${crypto.randomUUID().slice(0, 8)}`;
  const fields = { name, website: "https://forgery-test.example", description: "", accreditation: "" };
  const form = readActionForm(await (await ops.request.get("/ops/schools")).text(), "Add a school");

  await expectRefused(await callAction(ops.request, "/ops/schools", form, fields, FOREIGN), "foreign");
  await expectRefused(await callAction(ops.request, "/ops/schools", form, fields, NONE), "missing");
  await expectRefused(await postFormAsDocument(ops.request, "/ops/schools", form, fields, NONE), "missing");
  await ops.goto(`/ops/schools?q=${encodeURIComponent(name)}`);
  await expect(ops.getByText(name)).toHaveCount(0);

  const created = await callAction(ops.request, "/ops/schools", form, fields, ours(baseURL));
  expect(created.headers()["x-action-redirect"]).toMatch(/^\/ops\/schools\/\d+\?created=1/);
  await ops.goto(`/ops/schools?q=${encodeURIComponent(name)}`);
  await expect(ops.getByRole("link", { name })).toBeVisible();
  await ops.context().close();
});

test("password sign-in through the Auth.js route needs our Origin and Auth.js's CSRF token", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const form = { email: OPERATOR, password: "demo-password-2026", csrfToken };
  const signInWith = (headers: Record<string, string>, f: Record<string, string> = form) =>
    request.post("/api/auth/callback/password", { form: f, headers, maxRedirects: 0 });
  const sessionCookie = (r: APIResponse) => r.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token=[^;]/.test(h.value));

  for (const headers of [{ Origin: FOREIGN.origin! }, {}] as Record<string, string>[]) {
    const refused = await signInWith(headers);
    expect(refused.status()).toBe(403);
    expect(sessionCookie(refused)).toBe(false);
  }
  // Our Origin without Auth.js's token: Auth.js refuses it (MissingCSRF), no session.
  const withoutToken = { email: form.email, password: form.password };
  const noToken = await signInWith({ Origin: ours(baseURL).origin! }, withoutToken);
  expect(noToken.headers().location).toContain("error=MissingCSRF");
  expect(sessionCookie(noToken)).toBe(false);

  const accepted = await signInWith({ Origin: ours(baseURL).origin! });
  expect(accepted.status()).toBe(302);
  expect(sessionCookie(accepted)).toBe(true);
  await request.dispose();
});

test("the lead export refuses a cross-site link; the click counter is a GET by design", async ({ browser }) => {
  const school = await signedInPage(browser, ADMIN_B);
  const crossSite = await school.request.get("/school/leads/export", { headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  const ownPage = await school.request.get("/school/leads/export", { headers: { "Sec-Fetch-Site": "same-origin" } });
  expect(ownPage.status()).toBe(200);
  expect(await ownPage.text()).toContain("lead_id,received_at_utc");
  await school.context().close();
});
