import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page, type Route } from "@playwright/test";
import { OPERATOR, signIn } from "./support/portal";

/*
 * Every /ops server action refuses everyone but operators, whatever reaches it. The operator's
 * browser submits each form for real; the request it sends (Next-Action header, encoded
 * arguments, bound ids) is recorded and stopped before it reaches the server, then replayed with
 * another session: none, a signed-out one, a school admin's, a school member's. Each replay is
 * refused by the action itself, and afterwards nothing has changed. Replaying two of them as the
 * operator does change things, which shows the recorded requests are ones the server acts on.
 */

// Each step waits on a server action; on a busy machine one may take longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 360_000 });

const SCHOOL_ADMIN = "admin@pacific-crest.example";
const SCHOOL_MEMBER = "member@pacific-crest.example";
/** A user whose Disable button the operator presses (recorded, never sent as the operator). */
const DISABLE_TARGET = "admin@valley-allied.example";

type Recorded = { name: string; url: string; headers: Record<string, string>; body: Buffer };

/** Runs `submit` and records the server action request it makes, without letting it through. */
async function record(page: Page, name: string, submit: () => Promise<void>): Promise<Recorded> {
  let recorded: Recorded | undefined;
  const handler = async (route: Route) => {
    const request = route.request();
    if (!recorded && request.method() === "POST" && request.headers()["next-action"]) {
      recorded = { name, url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  };
  await page.route("**/*", handler);
  await submit();
  await expect.poll(() => recorded !== undefined, { message: `no server action request for ${name}` }).toBe(true);
  await page.unroute("**/*", handler);
  return recorded!;
}

/** Sends a recorded action request again, as whoever `request` is signed in as. */
async function replay(request: APIRequestContext, r: Recorded) {
  const headers: Record<string, string> = {};
  for (const h of ["content-type", "next-action", "origin", "accept", "next-router-state-tree"]) if (r.headers[h]) headers[h] = r.headers[h];
  return request.post(r.url, { headers, data: r.body, maxRedirects: 0 });
}

type Fixtures = {
  id: string;
  schoolName: string;
  schoolUrl: string;
  careerProfile: string;
  importUrl: string;
  program: string;
  metro: string;
  recorded: Recorded[];
};

/** A school with a program in review, a career, and one recorded request per /ops action. */
async function recordEveryAction(page: Page): Promise<Fixtures> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const schoolName = `Forgery Check School ${id}`;
  const careerName = `Forgery Check Career ${id}`;
  const program = `Forgery Check Program ${id}`;
  const metro = `Forgeville ${id}, ZZ`;
  const recorded: Recorded[] = [];
  await signIn(page, OPERATOR);

  // Fixtures, made for real.
  await page.goto("/ops/schools");
  const addSchool = page.getByRole("form", { name: "Add a school" });
  await addSchool.getByLabel("School name").fill(schoolName);
  await addSchool.getByLabel("Website").fill("https://forgery-check.example");
  await addSchool.getByRole("button", { name: "Create school" }).click();
  await expect(page.getByRole("heading", { level: 1, name: schoolName })).toBeVisible();
  const schoolUrl = page.url().replace(/\?.*$/, "");

  await page.goto("/ops/careers");
  const addCareer = page.getByRole("form", { name: "Add a career" });
  await addCareer.getByLabel("Title", { exact: true }).fill(careerName);
  await addCareer.getByLabel("Short title").fill(careerName);
  await addCareer.getByLabel("Summary").fill("A career made to check that forged requests are refused.");
  await addCareer.getByRole("button", { name: "Create career" }).click();
  await expect(page.getByRole("heading", { level: 1, name: careerName })).toBeVisible();
  const careerEditor = page.url().replace(/\?.*$/, "");
  const careerProfile = careerEditor.replace("/ops/careers/", "/careers/");
  const importUrl = `${careerEditor}/import`;

  await page.goto("/ops");
  await page.getByLabel("Open the portal as").selectOption({ label: schoolName });
  await page.getByRole("button", { name: "Open portal" }).click();
  await expect(page).toHaveURL(/\/school/);
  await page.goto("/school/programs/new");
  const draft = page.getByRole("form", { name: "New program" });
  await draft.getByLabel("Program title").fill(program);
  await draft.getByLabel("Program area").selectOption({ label: "Medical Coding" });
  await draft.getByLabel("Credential").selectOption({ label: "Certificate" });
  await draft.getByLabel("How it is taught").selectOption({ label: "Online" });
  await draft.getByLabel("Length in months").fill("6");
  await draft.getByLabel("Program web page").fill("https://forgery-check.example/coding");
  await draft.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: program })).toBeVisible();
  await page.getByRole("form", { name: "Send for review" }).getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Status: In review")).toBeVisible();

  // One recorded request per action.
  await page.goto("/ops/careers");
  recorded.push(
    await record(page, "createCareerAction", async () => {
      const form = page.getByRole("form", { name: "Add a career" });
      await form.getByLabel("Title", { exact: true }).fill(`Forged Career ${id}`);
      await form.getByLabel("Short title").fill("Forged");
      await form.getByLabel("Summary").fill("This career must never be created by a forged request.");
      await form.getByRole("button", { name: "Create career" }).click();
    }),
  );
  await page.goto(careerEditor);
  recorded.push(
    await record(page, "updateCareerAction", async () => {
      const form = page.getByRole("form", { name: "Career profile" });
      await form.getByLabel("Summary").fill(`Forged summary ${id}: written by whoever replays this request.`);
      await form.getByLabel("What the work involves (paragraphs)").fill("Forged work.");
      await form.getByLabel("Typical duties (list)").fill("Forged duty");
      await form.getByLabel("Working conditions (paragraphs)").fill("Forged conditions.");
      await form.getByLabel("Job outlook (paragraphs)").fill("Forged outlook.");
      await form.getByLabel("Training and education (paragraphs)").fill("Forged training.");
      await form.getByLabel("Employers (list)").fill("Forged employer");
      await form.getByRole("button", { name: "Save career" }).click();
    }),
  );
  await page.goto(importUrl);
  const upload = page.getByRole("form", { name: "Upload BLS figures" });
  const file = { name: "metro.csv", mimeType: "text/csv", buffer: Buffer.from(`AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n31080,"Los Angeles-Long Beach-Anaheim, CA",999,99999\n`) };
  recorded.push(
    await record(page, "previewImportAction", async () => {
      await upload.getByLabel("CSV file").setInputFiles(file);
      await upload.getByRole("button", { name: "Preview changes" }).click();
    }),
  );
  // A real preview (nothing is saved by it), so the apply button exists; its request is recorded.
  await page.goto(importUrl);
  await upload.getByLabel("CSV file").setInputFiles({ ...file, buffer: Buffer.from(`AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n99977,"${metro}",999,99999\n`) });
  await upload.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByRole("region", { name: /Preview: metro areas/ });
  await expect(preview.getByRole("table", { name: "Rows added (1)" })).toContainText(metro);
  recorded.push(await record(page, "applyImportAction", () => preview.getByRole("button", { name: "Apply these changes" }).click()));

  await page.goto("/ops/schools");
  recorded.push(
    await record(page, "createSchoolAction", async () => {
      const form = page.getByRole("form", { name: "Add a school" });
      await form.getByLabel("School name").fill(`Forged School ${id}`);
      await form.getByLabel("Website").fill("https://forged.example");
      await form.getByRole("button", { name: "Create school" }).click();
    }),
  );
  await page.goto(schoolUrl);
  recorded.push(
    await record(page, "updateSchoolAction", async () => {
      const form = page.getByRole("form", { name: "School details" });
      await form.getByLabel("School name").fill(`Renamed by forgery ${id}`);
      await form.getByRole("button", { name: "Save details" }).click();
    }),
  );
  await page.goto(schoolUrl);
  recorded.push(await record(page, "setSchoolStatusAction", () => page.getByRole("form", { name: "School status" }).getByRole("button", { name: "Suspend school" }).click()));
  await page.goto(schoolUrl);
  recorded.push(
    await record(page, "setPublishWithoutReviewAction", () => page.getByRole("form", { name: "Review setting" }).getByRole("button", { name: "Publish without review" }).click()),
  );
  await page.goto(schoolUrl);
  recorded.push(
    await record(page, "inviteFirstAdmin", async () => {
      const form = page.getByRole("form", { name: "Invite an admin" });
      await form.getByLabel("Admin's email address").fill(`forged-admin-${id}@example.com`);
      await form.getByRole("button", { name: "Send invitation" }).click();
    }),
  );
  await page.goto(schoolUrl);
  recorded.push(
    await record(page, "setSponsoredRankAction", async () => {
      const form = page.getByRole("form", { name: `Sponsored placement for ${program}` });
      await form.getByLabel("Sponsored rank").fill("1");
      await form.getByRole("button", { name: "Save placement" }).click();
    }),
  );
  await page.goto("/ops");
  recorded.push(
    await record(page, "openSchoolPortal", async () => {
      await page.getByLabel("Open the portal as").selectOption({ label: schoolName });
      await page.getByRole("button", { name: "Open portal" }).click();
    }),
  );
  await page.goto("/ops");
  recorded.push(
    await record(page, "setUserDisabledAction", () => page.getByRole("form", { name: `Access for ${DISABLE_TARGET}` }).getByRole("button", { name: "Disable" }).click()),
  );
  await page.goto("/ops/review");
  recorded.push(await record(page, "approveProgramAction", () => page.getByRole("article", { name: program }).getByRole("button", { name: "Approve" }).click()));
  await page.goto("/ops/review");
  recorded.push(
    await record(page, "rejectProgramAction", async () => {
      const item = page.getByRole("article", { name: program });
      await item.getByLabel("What needs to change").fill("Forged reason.");
      await item.getByRole("button", { name: "Send back" }).click();
    }),
  );
  await page.goto("/ops/deliveries");
  recorded.push(
    await record(page, "resendDeliveriesAction", () => page.getByRole("form", { name: "Resend deliveries" }).getByRole("button", { name: "Resend ticked deliveries" }).click()),
  );
  await page.goto("/ops/privacy");
  recorded.push(
    await record(page, "setRetentionAction", async () => {
      const form = page.getByRole("form", { name: "Retention setting" });
      await form.getByLabel("Keep lead requests for (months)").fill("97");
      await form.getByRole("button", { name: "Save retention" }).click();
    }),
  );
  await page.goto("/ops/privacy");
  recorded.push(await record(page, "scrubExpiredAction", () => page.getByRole("form", { name: "Scrub old lead requests" }).getByRole("button").click()));

  // Every recorded request names a distinct action.
  expect(new Set(recorded.map((r) => r.headers["next-action"])).size).toBe(recorded.length);
  return { id, schoolName, schoolUrl, careerProfile, importUrl, program, metro, recorded };
}

/** As the operator: nothing the replays asked for happened. */
async function expectNothingChanged(page: Page, f: Fixtures) {
  await page.goto("/ops/careers");
  await expect(page.getByRole("link", { name: `Forged Career ${f.id}` })).toHaveCount(0);
  await page.goto(f.careerProfile);
  await expect(page.getByText(`Forged summary ${f.id}`)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Where the jobs are: metro areas" })).toHaveCount(0);
  await page.goto(`/ops/schools?q=${encodeURIComponent(`Forged School ${f.id}`)}`);
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(0);
  await page.goto(f.schoolUrl);
  await expect(page.getByRole("heading", { level: 1, name: f.schoolName })).toBeVisible();
  await expect(page.getByRole("form", { name: "School status" }).getByRole("button", { name: "Suspend school" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Review setting" }).getByRole("button", { name: "Publish without review" })).toBeVisible();
  await expect(page.getByText(`forged-admin-${f.id}@example.com`)).toHaveCount(0);
  await expect(page.getByRole("form", { name: `Sponsored placement for ${f.program}` }).getByLabel("Sponsored rank")).toHaveValue("");
  await page.goto("/ops/review");
  await expect(page.getByRole("article", { name: f.program })).toBeVisible();
  await page.goto("/ops");
  await expect(page.getByRole("form", { name: `Access for ${DISABLE_TARGET}` })).toContainText("Active");
  await page.goto("/ops/privacy");
  await expect(page.getByRole("form", { name: "Retention setting" }).getByLabel("Keep lead requests for (months)")).not.toHaveValue("97");
}

async function signedInRequest(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, request: context.request };
}

/** What an action answers a refused caller with: the console's message, or a redirect (openSchoolPortal). */
async function expectRefused(response: Awaited<ReturnType<typeof replay>>, r: Recorded, message: string) {
  const body = await response.text();
  if (r.name === "openSchoolPortal") {
    expect(response.headers()["x-action-redirect"] ?? "", r.name).toMatch(/^\/ops/);
    expect(response.headers()["set-cookie"] ?? "", r.name).not.toContain("cp_school=");
  } else {
    expect(body, r.name).toContain(message);
  }
  expect(body, r.name).not.toMatch(/Preview: \d+ added|Applied: |Saved\.|Approved:|Sent back:|Invitation sent|Suspended:|School created|is sponsored at rank|Career created|Queued \d|Scrubbed|kept for 97 months/);
}

// One test, because recording every action is the slow part: the same recorded requests are
// replayed by each kind of caller, and by the operator last (whose replays change things).
test("every /ops server action refuses a school admin, a school member, no session and a signed-out session, and works for the operator", async ({ page, browser, playwright, baseURL }) => {
  const f = await recordEveryAction(page);

  // School users: refused by each action's own check.
  for (const email of [SCHOOL_ADMIN, SCHOOL_MEMBER]) {
    const { context, request } = await signedInRequest(browser, email);
    for (const r of f.recorded) {
      const response = await replay(request, r);
      await expectRefused(response, r, "You do not have access to this.");
    }
    await context.close();
  }

  // No session at all: sent to sign in before any action runs.
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const r of f.recorded) {
    const response = await replay(anonymous, r);
    expect(response.status(), r.name).toBeGreaterThanOrEqual(300);
    expect(response.status(), r.name).toBeLessThan(400);
    expect(response.headers().location ?? "", r.name).toContain("/login");
  }
  await anonymous.dispose();

  // A session cookie replayed after its sign-out: it gets past the proxy, and each action refuses it.
  const { context } = await signedInRequest(browser, SCHOOL_MEMBER);
  const cookies = await context.cookies();
  const member = await context.newPage();
  await member.goto("/school");
  await member.getByRole("button", { name: "Sign out" }).click();
  await expect(member).toHaveURL(/\/login|\/$/);
  await context.close();
  const stale = await browser.newContext();
  await stale.addCookies(cookies);
  for (const r of f.recorded) {
    const response = await replay(stale.request, r);
    await expectRefused(response, r, "Please sign in.");
  }
  await stale.close();
  await expectNothingChanged(page, f);

  // The same recorded requests, replayed by the operator, are carried out.
  const byName = (name: string) => f.recorded.find((r) => r.name === name)!;
  const saved = await replay(page.request, byName("updateCareerAction"));
  expect(await saved.text()).toContain("Saved. The public profile shows the change now.");
  await page.goto(f.careerProfile);
  await expect(page.getByText(`Forged summary ${f.id}`)).toBeVisible();
  const applied = await replay(page.request, byName("applyImportAction"));
  expect(await applied.text()).toContain("Applied: 1 added");
  await page.goto(f.careerProfile);
  await expect(page.getByRole("region", { name: "Where the jobs are: metro areas" })).toContainText(f.metro);
  const suspended = await replay(page.request, byName("setSchoolStatusAction"));
  expect(await suspended.text()).toContain("Suspended:");
  await page.goto(f.schoolUrl);
  await expect(page.getByRole("form", { name: "School status" }).getByRole("button", { name: "Reactivate school" })).toBeVisible();
});
