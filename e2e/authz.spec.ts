import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ADMIN_A, ADMIN_B, MEMBER_A, OPERATOR, SCHOOL_A, SCHOOL_B, signIn, uniqueEmail } from "./support/portal";

/*
 * The authorization matrix: every portal and console route, for anonymous, admin of school A,
 * member of school A, admin of school B and an operator, including guessed ids of the other
 * school's leads, programs and campuses. Allowed means 200 with the school's own data; denied means
 * a redirect to sign-in (or away), 401/403, or 404; never the other school's data.
 */

type Persona = "anonymous" | "adminA" | "memberA" | "adminB" | "operator";
const PERSONAS: Persona[] = ["anonymous", "adminA", "memberA", "adminB", "operator"];
const EMAIL: Record<Exclude<Persona, "anonymous">, string> = { adminA: ADMIN_A, memberA: MEMBER_A, adminB: ADMIN_B, operator: OPERATOR };

test.describe.configure({ mode: "serial", timeout: 180_000 });

const contexts = new Map<Persona, APIRequestContext>();
const ids = { aLead: "", bLead: "", aProgram: "", bProgram: "", aCampus: "", bCampus: "", aRecipient: "", bRecipient: "" };

async function personaContext(browser: Browser, persona: Persona, baseURL: string) {
  if (persona === "anonymous") return playwrightRequest.newContext({ baseURL });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, EMAIL[persona]);
  const state = await context.storageState();
  await context.close();
  return playwrightRequest.newContext({ baseURL, storageState: state });
}

async function firstHref(api: APIRequestContext, path: string, pattern: RegExp) {
  const html = await (await api.get(path)).text();
  const match = html.match(pattern);
  if (!match?.[1]) throw new Error(`no id on ${path}`);
  return match[1];
}

test.beforeAll(async ({ browser, baseURL }) => {
  for (const persona of PERSONAS) contexts.set(persona, await personaContext(browser, persona, baseURL as string));
  const a = contexts.get("adminA")!;
  const b = contexts.get("adminB")!;
  ids.aLead = await firstHref(a, "/school/leads", /href="\/school\/leads\/([0-9a-f-]{36})"/);
  ids.bLead = await firstHref(b, "/school/leads", /href="\/school\/leads\/([0-9a-f-]{36})"/);
  ids.aProgram = await firstHref(a, "/school/programs", /href="\/school\/programs\/(\d+)"/);
  ids.bProgram = await firstHref(b, "/school/programs", /href="\/school\/programs\/(\d+)"/);
  ids.aCampus = await firstHref(a, "/school/campuses", /href="\/school\/campuses\/(\d+)"/);
  ids.bCampus = await firstHref(b, "/school/campuses", /href="\/school\/campuses\/(\d+)"/);
  // The seeded recipient of each school (other tests add and remove their own).
  ids.aRecipient = await firstHref(a, "/school/recipients", /href="\/school\/recipients\/(\d+)">admissions@/);
  ids.bRecipient = await firstHref(b, "/school/recipients", /href="\/school\/recipients\/(\d+)">admissions@/);
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

/** Students of the seeded demo leads (db/seed/users.ts). */
const LEADS_A = ["Jordan", "Casey"];
const LEADS_B = ["Avery", "Riley"];

type Row = { path: () => string; allow: Persona[] };
const school = (allow: Persona[], path: () => string): Row => ({ path, allow });

const ROUTES: Row[] = [
  school(["adminA", "memberA", "adminB"], () => "/school"),
  school(["adminA", "memberA", "adminB"], () => "/school/leads"),
  school(["adminA", "adminB"], () => "/school/programs"),
  school(["adminA", "adminB"], () => "/school/programs/new"),
  school(["adminA", "adminB"], () => "/school/campuses"),
  school(["adminA", "adminB"], () => "/school/profile"),
  school(["adminA", "adminB"], () => "/school/people"),
  school(["adminA", "adminB"], () => "/school/recipients"),
  // School A's records: only A's people (members: leads only).
  school(["adminA", "memberA"], () => `/school/leads/${ids.aLead}`),
  school(["adminA"], () => `/school/programs/${ids.aProgram}`),
  school(["adminA"], () => `/school/programs/${ids.aProgram}/preview`),
  school(["adminA"], () => `/school/campuses/${ids.aCampus}`),
  school(["adminA"], () => `/school/recipients/${ids.aRecipient}`),
  // School B's records, guessed by school A.
  school(["adminB"], () => `/school/leads/${ids.bLead}`),
  school(["adminB"], () => `/school/programs/${ids.bProgram}`),
  school(["adminB"], () => `/school/campuses/${ids.bCampus}`),
  school(["adminB"], () => `/school/recipients/${ids.bRecipient}`),
  school(["adminA", "memberA", "adminB"], () => "/school/leads/export"),
  school(["adminA", "memberA", "adminB"], () => "/school/leads/live?since=2000-01-01T00:00:00Z"),
  school(["operator"], () => "/ops"),
  school(["operator"], () => "/ops/mailbox"),
];

for (const row of ROUTES) {
  test(`matrix: ${row.path().replace(/[0-9a-f-]{36}|\/\d+/g, (m) => (m.startsWith("/") ? "/:id" : ":id"))} ${row.allow.join(",")}`, async () => {
    for (const persona of PERSONAS) {
      const path = row.path();
      const response = await contexts.get(persona)!.get(path, { maxRedirects: 0 });
      const status = response.status();
      const allowed = row.allow.includes(persona);
      const body = await response.text();
      if (allowed) {
        expect(status, `${persona} GET ${path}`).toBe(200);
        if (path.startsWith("/school")) expect(response.headers()["cache-control"], `${persona} GET ${path}`).toContain("no-store");
      } else {
        expect([301, 302, 303, 307, 308, 401, 403, 404], `${persona} GET ${path} should be denied, got ${status}`).toContain(status);
      }
      // Never the other school's data (its name, its students' names), whatever was asked for.
      if (persona === "adminA" || persona === "memberA") {
        for (const text of [SCHOOL_B, ...LEADS_B]) expect(body, `${persona} GET ${path}`).not.toContain(text);
      }
      if (persona === "adminB") {
        for (const text of [SCHOOL_A, ...LEADS_A]) expect(body, `${persona} GET ${path}`).not.toContain(text);
      }
    }
  });
}

test("exports and live updates hold only the asker's school's leads", async () => {
  const aCsv = await (await contexts.get("adminA")!.get("/school/leads/export")).text();
  const bCsv = await (await contexts.get("adminB")!.get("/school/leads/export")).text();
  expect(aCsv).toContain(ids.aLead);
  expect(aCsv).not.toContain(ids.bLead);
  expect(bCsv).toContain(ids.bLead);
  expect(bCsv).not.toContain(ids.aLead);
  const live = await (await contexts.get("memberA")!.get("/school/leads/live?since=2000-01-01T00:00:00Z")).json();
  const liveIds = (live.leads as { id: string }[]).map((l) => l.id);
  expect(liveIds).toContain(ids.aLead);
  expect(liveIds).not.toContain(ids.bLead);
});

test("an operator opens any school's portal from the console", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OPERATOR);
  await page.goto("/ops");
  await page.getByLabel("Open the portal as").selectOption({ label: SCHOOL_B });
  await page.getByRole("button", { name: "Open portal" }).click();
  await expect(page.getByText("School portal (operator view)")).toBeVisible();
  await expect(page.getByText(SCHOOL_B, { exact: true })).toBeVisible();
  await context.close();
});

test("lead recipient actions refuse another school's recipient and campus ids put into their forms", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN_A);
  await page.goto("/school/recipients");
  const add = page.getByRole("form", { name: "Add a lead recipient" });
  const mine = uniqueEmail("authz-recipient");
  await add.getByLabel("Email address").fill(mine);
  await add.getByRole("button", { name: "Add address" }).click();
  await expect(add.getByRole("status")).toContainText(`Added ${mine}`);

  // Remove and Resend, with school B's recipient id in place of A's own.
  for (const name of [`Remove ${mine}`, `Resend confirmation to ${mine}`]) {
    const form = page.getByRole("form", { name });
    await form.locator('input[name="recipientId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ids.bRecipient);
    await form.getByRole("button").click();
    await expect(form.getByRole("alert")).toHaveText("That address is not on your school's list.");
  }
  // A new address for one of school B's campuses.
  await add.getByLabel("Leads for").evaluate((el, id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = "Guessed campus";
    el.appendChild(option);
    (el as HTMLSelectElement).value = id;
  }, ids.bCampus);
  await add.getByLabel("Email address").fill(uniqueEmail("authz-campus"));
  await add.getByRole("button", { name: "Add address" }).click();
  await expect(add.getByLabel("Leads for")).toHaveAccessibleDescription("Choose one of your school's campuses, or all campuses.");
  await context.close();

  // School B's recipient is still there, untouched.
  const response = await contexts.get("adminB")!.get(`/school/recipients/${ids.bRecipient}`);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Confirmed");
});
