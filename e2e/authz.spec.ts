import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { emailsContaining } from "./support/leads";
import { ADMIN_A, ADMIN_B, MEMBER_A, OPERATOR, SCHOOL_A, SCHOOL_B, SHARED, signIn, uniqueEmail } from "./support/portal";
import { callAction, readActionForm, type RenderedForm } from "./support/server-actions";

/*
 * The authorization matrix: every portal and console route, for anonymous, admin of school A,
 * member of school A, admin of school B and an operator, including guessed ids of the other
 * school's leads, programs and campuses. Allowed means 200 with the school's own data; denied means
 * a redirect to sign-in (or away), 401/403, or 404; never the other school's data.
 */

type Persona = "anonymous" | "adminA" | "memberA" | "adminB" | "operator";
const PERSONAS: Persona[] = ["anonymous", "adminA", "memberA", "adminB", "operator"];
/** "shared": a member of both schools (the school switcher); not one of the matrix's callers. */
const EMAIL: Record<Exclude<Persona, "anonymous"> | "shared", string> = { adminA: ADMIN_A, memberA: MEMBER_A, adminB: ADMIN_B, operator: OPERATOR, shared: SHARED };

test.describe.configure({ mode: "serial", timeout: 180_000 });

const contexts = new Map<Persona | "shared", APIRequestContext>();
const ids = { aLead: "", bLead: "", aProgram: "", bProgram: "", aCampus: "", bCampus: "", aRecipient: "", bRecipient: "" };

async function personaContext(browser: Browser, persona: Persona | "shared", baseURL: string) {
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
  for (const persona of [...PERSONAS, "shared" as const]) contexts.set(persona, await personaContext(browser, persona, baseURL as string));
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
  school(["adminB"], () => `/school/programs/${ids.bProgram}/preview`),
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

/* ---------------------------------------------------------------------------------------------
 * The portal's server actions, for the same five callers. Each action's request is recorded once
 * from the form the portal renders to an admin of school A (action id, bound ids such as the
 * campus, program, lead or person, hidden fields; e2e/support/server-actions.ts), and replayed over
 * HTTP by each caller. A refusal comes from the action itself: the proxy only stops anonymous
 * callers. School B's admin replays A's requests with A's ids (refused as "not found", so nothing of
 * A's is touched), and the id-less ones with input that fails validation, which shows the action let
 * B in, to B's own school, without writing anything. After the refused replays nothing of A's has
 * changed; then A's admin replays the same requests, and they take effect.
 * ------------------------------------------------------------------------------------------- */

type Reply = { redirect: string; body: string; setCookie: string };
type ActionCall = { path: string; form: RenderedForm; fields: Record<string, string> };
type Outcome = { redirect: RegExp; cookie?: RegExp; noCookie?: RegExp } | { says: string };

const NO_ACCESS = "You do not have access to this.";
const FIX = "Please correct the highlighted fields.";
const SIGN_IN: Outcome = { redirect: /\/login/ };

async function send(api: APIRequestContext, call: ActionCall, baseURL: string): Promise<Reply> {
  const res = await callAction(api, call.path, call.form, call.fields, { origin: new URL(baseURL).origin });
  const status = res.status();
  // x-action-redirect is "<path>;push" or "<path>;replace".
  const redirect = (res.headers()["x-action-redirect"] ?? (status >= 300 && status < 400 ? (res.headers().location ?? "") : "")).replace(/;(push|replace)$/, "");
  return { redirect, body: await res.text(), setCookie: res.headers()["set-cookie"] ?? "" };
}

function expectOutcome(reply: Reply, outcome: Outcome, label: string) {
  if ("says" in outcome) {
    expect(reply.redirect, label).toBe("");
    expect(reply.body, label).toContain(outcome.says);
  } else {
    expect(reply.redirect, label).toMatch(outcome.redirect);
    if (outcome.cookie) expect(reply.setCookie, label).toMatch(outcome.cookie);
    if (outcome.noCookie) expect(reply.setCookie, label).not.toMatch(outcome.noCookie);
  }
}

async function readForm(api: APIRequestContext, path: string, label: string): Promise<RenderedForm> {
  return readActionForm(await (await api.get(path)).text(), label);
}

/** The last id `pattern` captures before `text` in `html` (the link of the row that shows `text`). */
function idBefore(html: string, text: string, pattern: RegExp): string {
  const at = html.indexOf(text);
  if (at < 0) throw new Error(`${text} is not on the page`);
  const ids = [...html.slice(0, at).matchAll(pattern)];
  const id = ids.at(-1)?.[1];
  if (!id) throw new Error(`no id before ${text}`);
  return id;
}

type ActionRow = {
  name: string;
  call: ActionCall;
  /** Who the action lets through with A's arguments (A's admin is always among them). */
  allow: Persona[];
  ok: Outcome;
  /** What school B's admin gets: A's ids refused, or (id-less actions) its own school's validation. */
  adminB: { call?: ActionCall; outcome: Outcome };
  /** Per caller, when a refusal does not look like the usual one. */
  refused?: Partial<Record<Persona, Outcome>>;
};

test("every portal server action: allowed and refused callers, A's ids from school B, and no write on a refusal", async ({ baseURL }) => {
  const base = baseURL as string;
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const a = contexts.get("adminA")!;
  const b = contexts.get("adminB")!;
  const campusName = `Matrix Campus ${run}`;
  const programTitle = `Matrix Program ${run}`;
  const recipient = `matrix-recipient-${run}@example.com`;
  const colleague = `matrix-colleague-${run}@example.com`;
  const note = `Matrix note ${run}`;

  // Things of school A's to act on, made by A's admin with the recorded creating requests.
  const campusFields = { name: campusName, address: "1 Matrix Way", city: "Los Angeles", state: "CA", zip: "90012" };
  const addCampusCall = { path: "/school/campuses", form: await readForm(a, "/school/campuses", "Add a campus"), fields: campusFields };
  expectOutcome(await send(a, addCampusCall, base), { says: `Campus “${campusName}” added.` }, "adminA addCampus");
  const campusId = idBefore(await (await a.get("/school/campuses")).text(), campusName, /href="\/school\/campuses\/(\d+)"/g);

  const newProgramHtml = await (await a.get("/school/programs/new")).text();
  const areaId = /name="programAreaId"[\s\S]*?<option value="(\d+)"/.exec(newProgramHtml)?.[1];
  expect(areaId).toBeTruthy();
  const programFields = {
    title: programTitle,
    programAreaId: areaId!,
    credentialLevel: "certificate",
    delivery: "online",
    lengthMonths: "6",
    description: "",
    highlights: "",
    websiteUrl: "https://example.com/matrix",
    dailyLeadCap: "",
    monthlyLeadCap: "",
  };
  const addProgramCall = { path: "/school/programs/new", form: readActionForm(newProgramHtml, "New program"), fields: programFields };
  const created = await send(a, addProgramCall, base);
  const programId = /^\/school\/programs\/(\d+)\?created=1/.exec(created.redirect)?.[1];
  expect(programId, "adminA addProgram").toBeTruthy();

  const addRecipientCall = { path: "/school/recipients", form: await readForm(a, "/school/recipients", "Add a lead recipient"), fields: { email: recipient, campusId: "" } };
  expectOutcome(await send(a, addRecipientCall, base), { says: `Added ${recipient}` }, "adminA addLeadRecipient");
  await expect.poll(async () => (await emailsContaining(recipient)).length, { timeout: 30_000 }).toBe(1);

  const inviteCall = { path: "/school/people", form: await readForm(a, "/school/people", "Invite a colleague"), fields: { email: colleague, role: "member" } };
  expectOutcome(await send(a, inviteCall, base), { says: `Invitation sent to ${colleague}` }, "adminA inviteColleague");
  await expect.poll(async () => (await emailsContaining(colleague)).length, { timeout: 30_000 }).toBe(1);
  const invite = new URL(/https?:\/\/[^\s"<>]+\/invite\/[^\s"<>]+/.exec((await emailsContaining(colleague))[0]!.payload.text)![0]);
  const newcomer = await playwrightRequest.newContext({ baseURL: base });
  const accept = { path: invite.pathname, form: await readForm(newcomer, invite.pathname, "Accept invitation"), fields: { name: "Matrix Colleague", password: "" } };
  expect((await send(newcomer, accept, base)).redirect).toMatch(/\/login/);
  await newcomer.dispose();

  // The rest of the recorded requests, read from A's pages.
  const leadsHtml = await (await a.get("/school/leads")).text();
  const jordanLead = idBefore(leadsHtml, "Jordan", /href="\/school\/leads\/([0-9a-f-]{36})"/g);
  const profileHtml = await (await a.get("/school/profile")).text();
  const attr = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(profileHtml)?.[1] ?? "";
  const profileFields = {
    name: attr("name").replace(/&amp;/g, "&"),
    website: attr("website").replace(/&amp;/g, "&"),
    description: (/<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/.exec(profileHtml)?.[1] ?? "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  };
  expect(profileFields.name).toBe(SCHOOL_A);
  const shared = contexts.get("shared")!;
  const aSchoolId = /<option value="(\d+)"[^>]*>Pacific Crest College/.exec(await (await shared.get("/school")).text())?.[1];
  expect(aSchoolId).toBeTruthy();
  const campusPath = `/school/campuses/${campusId}`;
  const programPath = `/school/programs/${programId}`;
  const leadPath = `/school/leads/${jordanLead}`;
  const renamed = { ...campusFields, name: `${campusName} renamed` };

  const rows: ActionRow[] = [
    {
      name: "switchSchool",
      call: { path: "/school", form: await readForm(shared, "/school", "Switch school"), fields: { schoolId: aSchoolId! } },
      allow: ["adminA", "memberA", "operator"],
      ok: { redirect: /^\/school$/, cookie: new RegExp(`cp_school=${aSchoolId};`) },
      adminB: { outcome: { redirect: /^\/school$/, noCookie: /cp_school=/ } },
    },
    {
      name: "saveProfile",
      call: { path: "/school/profile", form: await readForm(a, "/school/profile", "School profile"), fields: profileFields },
      allow: ["adminA"],
      ok: { says: "Profile saved." },
      adminB: { call: { path: "/school/profile", form: await readForm(a, "/school/profile", "School profile"), fields: { ...profileFields, name: "" } }, outcome: { says: FIX } },
    },
    { name: "addCampus", call: addCampusCall, allow: ["adminA"], ok: { says: "added." }, adminB: { call: { ...addCampusCall, fields: { ...campusFields, name: "" } }, outcome: { says: FIX } } },
    {
      name: "saveCampus",
      call: { path: campusPath, form: await readForm(a, campusPath, "Edit campus"), fields: renamed },
      allow: ["adminA"],
      ok: { says: "Campus saved." },
      adminB: { outcome: { says: "That campus was not found." } },
    },
    { name: "addProgram", call: addProgramCall, allow: ["adminA"], ok: { redirect: /^\/school\/programs\/\d+/ }, adminB: { call: { ...addProgramCall, fields: { ...programFields, title: "" } }, outcome: { says: FIX } } },
    {
      name: "saveProgram",
      call: { path: programPath, form: await readForm(a, programPath, "Edit program"), fields: { ...programFields, title: `${programTitle} renamed` } },
      allow: ["adminA"],
      ok: { says: "Saved." },
      adminB: { outcome: { says: "That program was not found." } },
    },
    {
      name: "changeProgramStatus",
      call: { path: programPath, form: await readForm(a, programPath, "Send for review"), fields: {} },
      allow: ["adminA"],
      ok: { says: "Sent for review." },
      adminB: { outcome: { says: "That change is not possible for this program now." } },
    },
    {
      name: "saveLeadStatus",
      call: { path: leadPath, form: await readForm(a, leadPath, "Lead status"), fields: { status: "contacted", closedReason: "", note } },
      allow: ["adminA", "memberA"],
      ok: { says: "Lead updated." },
      adminB: { outcome: { says: "That lead was not found." } },
    },
    {
      name: "applyLeadFilters",
      call: { path: "/school/leads", form: readActionForm(leadsHtml, "Filter leads"), fields: { clear: "1" } },
      allow: ["adminA", "memberA", "adminB"],
      ok: { redirect: /^\/school\/leads$/ },
      adminB: { outcome: { redirect: /^\/school\/leads$/ } },
      refused: { operator: SIGN_IN },
    },
    { name: "inviteColleague", call: inviteCall, allow: ["adminA"], ok: { says: "Invitation sent" }, adminB: { call: { ...inviteCall, fields: { email: "not-an-address", role: "member" } }, outcome: { says: FIX } } },
    {
      name: "removeMember",
      call: { path: "/school/people", form: await readForm(a, "/school/people", `Remove ${colleague}`), fields: {} },
      allow: ["adminA"],
      ok: { says: "Removed from the school." },
      adminB: { outcome: { says: "That person is not part of this school." } },
    },
    {
      name: "addLeadRecipient",
      call: addRecipientCall,
      allow: ["adminA"],
      ok: { says: "This address is already on your list." },
      adminB: { call: { ...addRecipientCall, fields: { email: `matrix-b-${run}@example.com`, campusId } }, outcome: { says: "Choose one of your school's campuses, or all campuses." } },
    },
    {
      name: "resendLeadRecipientConfirmation",
      call: { path: "/school/recipients", form: await readForm(a, "/school/recipients", `Resend confirmation to ${recipient}`), fields: {} },
      allow: ["adminA"],
      ok: { says: `Sent a new confirmation link to ${recipient}` },
      adminB: { outcome: { says: "That address is not on your school's list." } },
    },
    {
      name: "removeLeadRecipient",
      call: { path: "/school/recipients", form: await readForm(a, "/school/recipients", `Remove ${recipient}`), fields: {} },
      allow: ["adminA"],
      ok: { redirect: /^\/school\/recipients\?removed=1/ },
      adminB: { outcome: { says: "That address is not on your school's list." } },
    },
    {
      name: "removeCampus",
      call: { path: campusPath, form: await readForm(a, campusPath, "Remove campus"), fields: {} },
      allow: ["adminA"],
      ok: { redirect: /^\/school\/campuses\?removed=1/ },
      adminB: { outcome: { says: "That campus was not found." } },
    },
  ];
  // Every exported action of app/school/actions.ts and app/school/recipients/actions.ts, each a distinct action id.
  expect(new Set(rows.map((r) => r.call.form.actionId)).size).toBe(rows.length);

  /** Replays a row as `persona`; switching schools gets a copy of the session, so its cookie stays there. */
  async function replayAs(persona: Persona, row: ActionRow, call: ActionCall) {
    const context = contexts.get(persona)!;
    if (row.name !== "switchSchool") return send(context, call, base);
    const copy = await playwrightRequest.newContext({ baseURL: base, storageState: await context.storageState() });
    try {
      return await send(copy, call, base);
    } finally {
      await copy.dispose();
    }
  }

  // Everyone but A's admin. Members may change a lead's status: that one replay takes effect.
  for (const row of rows) {
    for (const persona of ["anonymous", "memberA", "adminB", "operator"] as const) {
      const label = `${persona} ${row.name}`;
      if (persona === "adminB") {
        expectOutcome(await replayAs(persona, row, row.adminB.call ?? row.call), row.adminB.outcome, label);
      } else if (row.allow.includes(persona)) {
        expectOutcome(await replayAs(persona, row, row.call), row.ok, label);
      } else {
        const refused = row.refused?.[persona] ?? (persona === "anonymous" ? SIGN_IN : { says: NO_ACCESS });
        expectOutcome(await replayAs(persona, row, row.call), refused, label);
      }
    }
  }

  // Nothing of A's changed, and nothing landed in B.
  const campusPage = await (await a.get(campusPath)).text();
  expect(campusPage).toContain(`value="${campusName}"`);
  expect(campusPage).not.toContain("renamed");
  const programPage = await (await a.get(programPath)).text();
  expect(programPage).not.toContain(`${programTitle} renamed`);
  expect(programPage).toContain("Draft");
  // Counted as rendered links and history lines (the page's inline RSC data repeats every text).
  expect((await (await a.get("/school/campuses")).text()).split(`>${campusName}</a>`).length - 1).toBe(1);
  expect((await (await a.get("/school/programs")).text()).split(`>${programTitle}</a>`).length - 1).toBe(1);
  expect(await (await a.get("/school/people")).text()).toContain(colleague);
  expect(await (await a.get("/school/recipients")).text()).toContain(recipient);
  expect(await (await a.get("/school/profile")).text()).toContain(`value="${SCHOOL_A}"`);
  for (const path of ["/school/campuses", "/school/programs", "/school/recipients", "/school/people"]) {
    expect(await (await b.get(path)).text(), path).not.toContain(run);
  }
  const leadPage = await (await a.get(leadPath)).text();
  expect(leadPage.split(`>${note}</p>`).length - 1, "the member's status change only").toBe(1);
  expect((await emailsContaining(colleague)).length).toBe(1);

  // A's admin: the same requests take effect.
  for (const row of rows) {
    if (row.name === "addCampus" || row.name === "addProgram" || row.name === "inviteColleague") continue; // sent above
    expectOutcome(await replayAs("adminA", row, row.call), row.ok, `adminA ${row.name}`);
  }
  expect(await (await a.get("/school/campuses")).text()).not.toContain(campusName);
  const program = await (await a.get(programPath)).text();
  expect(program).toContain(`${programTitle} renamed`);
  expect(program).toContain("In review");
  expect((await (await a.get(leadPath)).text()).split(`>${note}</p>`).length - 1).toBe(2);
  expect(await (await a.get("/school/people")).text()).not.toContain(colleague);
  expect(await (await a.get("/school/recipients")).text()).not.toContain(recipient);
  await expect.poll(async () => (await emailsContaining(recipient)).length, { timeout: 30_000 }).toBe(2);

  // The audit log has each refusal of B's admin, by subject, and A's changes (read by an operator in /ops/audit).
  const audit = async (query: string) => (await (await contexts.get("operator")!.get(`/ops/audit?${query}`)).text()).replace(/<!-- -->/g, "");
  const denied = await audit(`action=authz.denied&actor=${encodeURIComponent(ADMIN_B)}`);
  for (const subject of [`campus ${campusId}`, `program ${programId}`, `lead ${jordanLead}`, "user ", "lead_recipient "]) expect(denied, subject).toContain(`<td>${subject}`);
  const changes = await audit(`action=program.&actor=${encodeURIComponent(ADMIN_A)}`);
  for (const action of ["program.created", "program.updated", "program.submit"]) expect(changes, action).toContain(`<td>${action}</td>`);
  expect(await audit(`action=lead.status_changed&actor=${encodeURIComponent(MEMBER_A)}`)).toContain(`<td>lead ${jordanLead}`);
  expect(await audit(`action=lead.viewed&actor=${encodeURIComponent(ADMIN_A)}`)).toContain(`<td>lead ${jordanLead}`);
  expect((await a.get("/school/leads/export")).status()).toBe(200);
  expect(await audit(`action=leads.exported&actor=${encodeURIComponent(ADMIN_A)}`)).toContain(`<td>leads.exported</td><td>${ADMIN_A}</td>`);
});

test("someone in two schools switches between them and sees only the chosen school's leads", async ({ browser }) => {
  const context = await browser.newContext({ storageState: await contexts.get("shared")!.storageState() });
  const page = await context.newPage();
  await page.goto("/school/leads");
  const switcher = page.getByRole("form", { name: "Switch school" });
  await expect(switcher.getByLabel("School").locator("option:checked")).toHaveText(SCHOOL_A);
  for (const name of LEADS_A) await expect(page.getByRole("link", { name: new RegExp(`^${name} `) }).first()).toBeVisible();
  for (const name of LEADS_B) await expect(page.getByRole("link", { name: new RegExp(`^${name} `) })).toHaveCount(0);

  await switcher.getByLabel("School").selectOption({ label: SCHOOL_B });
  await switcher.getByRole("button", { name: "Switch" }).click();
  await expect(page).toHaveURL(/\/school$/);
  await expect(switcher.getByLabel("School").locator("option:checked")).toHaveText(SCHOOL_B);
  await page.goto("/school/leads");
  for (const name of LEADS_B) await expect(page.getByRole("link", { name: new RegExp(`^${name} `) }).first()).toBeVisible();
  for (const name of LEADS_A) await expect(page.getByRole("link", { name: new RegExp(`^${name} `) })).toHaveCount(0);
  await context.close();

  // The sign-in that made this session is in the audit log.
  const signIns = await (await contexts.get("operator")!.get(`/ops/audit?action=auth.sign_in&actor=${encodeURIComponent(SHARED)}`)).text();
  expect(signIns.replace(/<!-- -->/g, "")).toMatch(new RegExp(`<td>auth\\.sign_in</td><td>${SHARED.replace(/\./g, "\\.")}</td>`));
});

// Here rather than in a spec of its own: it reuses the signed-in sessions above.
test("a logo that is not a PNG, JPEG or WebP image, or is over 200 KB, is refused on the Logo field", async ({ browser }) => {
  const context = await browser.newContext({ storageState: await contexts.get("adminA")!.storageState() });
  const page = await context.newPage();
  await page.goto("/school/profile");
  const form = page.getByRole("form", { name: "School profile" });
  await form.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByLabel("Logo")).toHaveAccessibleDescription(/Use a PNG, JPEG or WebP image\./);
  const big = Buffer.alloc(200 * 1024 + 1);
  big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await form.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: big });
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByLabel("Logo")).toHaveAccessibleDescription(/The logo must be 200 KB or smaller\./);
  await expect(page.getByRole("img", { name: `${SCHOOL_A} logo` })).toHaveCount(0);
  await context.close();
});
