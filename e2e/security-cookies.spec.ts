import { expect, test, type APIResponse } from "@playwright/test";
import { ADMIN_B, DEMO_PASSWORD, signIn } from "./support/portal";
import { callAction, readActionForm } from "./support/server-actions";

/**
 * The cookies the app sets: the Auth.js session (and its CSRF and callback cookies) and ours (active
 * school, lead filters). All HttpOnly and SameSite=Lax; Secure whenever the browser reached us over
 * https. The e2e server runs on plain http (SITE_URL=http://localhost:PORT), where a browser would
 * not send a Secure cookie back, so there Secure must be absent; with a trusted proxy saying
 * X-Forwarded-Proto: https (AUTH_TRUST_HOST=true, as behind a TLS-terminating proxy) it must be set,
 * and the session cookie takes the __Secure- prefix.
 */

type Cookie = { name: string; value: string; attributes: Map<string, string> };

function setCookies(response: APIResponse | { headersArray(): { name: string; value: string }[] }): Cookie[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => {
      const [pair = "", ...attrs] = h.value.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const attributes = new Map(attrs.map((a) => [a.split("=")[0]!.toLowerCase(), (a.split("=")[1] ?? "").toLowerCase()]));
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
    });
}

function expectFlags(cookie: Cookie | undefined, secure: boolean) {
  expect(cookie, "cookie was set").toBeDefined();
  expect(cookie!.attributes.has("httponly")).toBe(true);
  expect(cookie!.attributes.get("samesite")).toBe("lax");
  expect(cookie!.attributes.has("secure")).toBe(secure);
}

test("over http: the session and our cookies are HttpOnly and SameSite=Lax, without Secure", async ({ page }) => {
  const seen: Cookie[] = [];
  page.on("response", (response) => {
    response.headersArray().then(
      (headers) => seen.push(...setCookies({ headersArray: () => headers })),
      // A response still arriving when the test ends and closes its page: nothing left to check.
      () => {},
    );
  });
  await signIn(page, ADMIN_B);
  await expect.poll(() => seen.find((c) => c.name === "authjs.session-token" && c.value !== "")).toBeDefined();
  expectFlags(
    seen.find((c) => c.name === "authjs.session-token" && c.value !== ""),
    false,
  );

  await page.goto("/school/leads");
  const filters = page.getByRole("form", { name: "Filter leads" });
  await filters.getByLabel("Name or email").fill("nobody-in-particular");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect.poll(() => seen.find((c) => c.name === "cp_lead_filters")).toBeDefined();
  const filterCookie = seen.find((c) => c.name === "cp_lead_filters");
  expectFlags(filterCookie, false);
  expect(filterCookie!.attributes.get("path")).toBe("/school");
});

test("behind an https proxy: the session cookie is __Secure- and Secure, and so are ours", async ({ playwright, baseURL }) => {
  // The cluster's servers are told their public URL (AUTH_URL=http://localhost:PORT, as a deployment
  // behind a load balancer sets it), and Auth.js then takes the scheme from it, not from the proxy.
  test.skip(Number(process.env.E2E_CLUSTER ?? 1) > 1, "AUTH_URL fixes the scheme in cluster mode");
  const origin = new URL(baseURL ?? "http://localhost:3100");
  const httpsOrigin = `https://${origin.host}`;
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });

  const csrf = await request.get("/api/auth/csrf");
  const csrfCookie = setCookies(csrf).find((c) => c.name === "__Host-authjs.csrf-token");
  expectFlags(csrfCookie, true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const signedIn = await request.post("/api/auth/callback/password", {
    form: { email: ADMIN_B, password: DEMO_PASSWORD, csrfToken },
    headers: { Origin: httpsOrigin, Cookie: `${csrfCookie!.name}=${csrfCookie!.value}` },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  const session = setCookies(signedIn).find((c) => c.name === "__Secure-authjs.session-token");
  expectFlags(session, true);
  expect(setCookies(signedIn).some((c) => c.name === "authjs.session-token")).toBe(false);

  // One of ours, set by a server action on the same https request path.
  const cookie = { Cookie: `${session!.name}=${session!.value}` };
  const leads = await request.get("/school/leads", { headers: cookie });
  expect(leads.status()).toBe(200);
  const form = readActionForm(await leads.text(), "Filter leads");
  const applied = await callAction(request, "/school/leads", form, { q: "nobody-in-particular" }, { origin: httpsOrigin, headers: cookie });
  const filterCookie = setCookies(applied).find((c) => c.name === "cp_lead_filters");
  expectFlags(filterCookie, true);
  await request.dispose();
});
