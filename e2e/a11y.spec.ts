import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { VALLEY, asStudent, emailsContaining, fillLeadForm, newStudent } from "./support/leads";
import { ADMIN_A, OPERATOR, invitedUser, signIn } from "./support/portal";

/**
 * axe-core, every rule at every level, on every page the app has: public pages, the pages a
 * student reaches through their own links, the school portal and the operator console. The last
 * test fails when a page is added under app/ without being listed here. This sweep is the one scan
 * of a page as it first loads; other specs scan only states they create (a dialog open, errors
 * showing, a filled list).
 */

const PROGRAM = "pacific-crest-college-medical-administrative-specialist";

const PUBLIC_PAGES: Record<string, string[]> = {
  "/": ["/"],
  "/careers": ["/careers"],
  // Rendered per request for a free-text search or a field error; other views come from the route below.
  "/careers/[slug]": ["/careers/medical-records-and-health-information-technicians?q=coding", "/careers/medical-and-health-services-managers?zip=1234"],
  // Cacheable views of /careers/[slug] are served from this route (next.config.mjs and the proxy rewrite there).
  "/career-pages/[slug]/[view]": ["/careers/medical-records-and-health-information-technicians", "/careers/medical-and-health-services-managers?metroSort=salary"],
  "/schools": ["/schools", "/schools?zip=90012&radius=50&sort=distance", "/schools?q=zzzz-no-such-school", "/schools?zip=abc&radius=x&credential=associate"],
  "/schools/[slug]": ["/schools/pacific-crest-college"],
  "/programs/[slug]": [`/programs/${PROGRAM}`],
  "/programs/[slug]/request-info": [`/programs/${PROGRAM}/request-info`],
  "/states": ["/states"],
  "/states/[state]": ["/states/california"],
  "/advertising-disclosure": ["/advertising-disclosure"],
  "/privacy": ["/privacy"],
  "/terms": ["/terms"],
  "/login": ["/login"],
  "/login/check-email": ["/login/check-email"],
  // A filter set's own address (the plain /schools and /schools?credential=… are served from here too).
  "/directory/[filters]": ["/directory/credential=associate&delivery=online"],
};

/** Pages reached by following a link from a list page: [route, list page, link prefix]. */
const PORTAL_LISTS = ["/school", "/school/leads", "/school/programs", "/school/programs/new", "/school/campuses", "/school/profile", "/school/people", "/school/recipients"];
const PORTAL_DETAILS: [string, string, RegExp][] = [
  ["/school/leads/[id]", "/school/leads", /^\/school\/leads\/(?!export$)[^/?#]+$/],
  ["/school/programs/[id]", "/school/programs", /^\/school\/programs\/(?!new$)[^/?#]+$/],
  ["/school/programs/[id]/preview", "/school/programs", /^\/school\/programs\/(?!new$)[^/?#]+$/],
  ["/school/campuses/[id]", "/school/campuses", /^\/school\/campuses\/[^/?#]+$/],
  ["/school/recipients/[id]", "/school/recipients", /^\/school\/recipients\/\d+$/],
];
const OPS_LISTS = ["/ops", "/ops/leads", "/ops/schools", "/ops/review", "/ops/deliveries", "/ops/clicks", "/ops/privacy", "/ops/audit", "/ops/mailbox", "/ops/careers"];
const OPS_DETAILS: [string, string, RegExp][] = [
  ["/ops/schools/[id]", "/ops/schools", /^\/ops\/schools\/[^/?#]+$/],
  ["/ops/mailbox/[id]", "/ops/mailbox", /^\/ops\/mailbox\/[^/?#]+$/],
  ["/ops/careers/[slug]", "/ops/careers", /^\/ops\/careers\/[^/?#]+$/],
  ["/ops/careers/[slug]/import", "/ops/careers/medical-records-and-health-information-technicians", /^\/ops\/careers\/[^/?#]+\/import$/],
];
/** Routes covered by the flow tests below rather than by a fixed address. */
const FLOW_ROUTES = ["/thank-you/[token]", "/my-requests/[token]", "/invite/[token]", "/lead-recipients/confirm/[token]"];

async function firstLinkMatching(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${page.url()}`);
  return href;
}

test.describe("public pages", () => {
  for (const [route, paths] of Object.entries(PUBLIC_PAGES)) {
    test(`${route} has no axe violations`, async ({ page }) => {
      test.setTimeout(60_000 * paths.length);
      for (const p of paths) {
        const response = await page.goto(p);
        expect(response?.status(), p).toBeLessThan(400);
        await expectNoAxeViolations(page, p);
      }
    });
  }

  test("the 404 page has no axe violations", async ({ page }) => {
    expect((await page.goto("/programs/no-such-program"))?.status()).toBe(404);
    await expectNoAxeViolations(page);
  });
});

test("a student's thank-you and manage-my-request pages have no axe violations", async ({ page }) => {
  const student = newStudent();
  await asStudent(page, student);
  await page.goto(`/programs/${VALLEY}/request-info`);
  await fillLeadForm(page, student, { campus: "Panorama City" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page).toHaveURL(/\/thank-you\//);
  await expectNoAxeViolations(page, "/thank-you/[token]");

  await expect.poll(async () => (await emailsContaining(student.email)).some((e) => e.payload.to.includes(student.email)), { timeout: 30_000 }).toBe(true);
  const confirmation = (await emailsContaining(student.email)).find((e) => e.payload.to.includes(student.email))!;
  const manage = /href="https?:\/\/[^/"]+(\/my-requests\/[^"]+)"/.exec(confirmation.payload.html)?.[1];
  expect(manage, "a manage link in the confirmation email").toBeTruthy();
  await page.goto(manage!.replaceAll("&amp;", "&"));
  await expect(page.getByRole("heading", { name: "Your request" })).toBeVisible();
  await expectNoAxeViolations(page, "/my-requests/[token]");
});

test("the invitation page has no axe violations", async ({ browser, page }) => {
  const { link } = await invitedUser(browser, { role: "member", prefix: "a11y-invite" });
  await page.goto(link);
  await expect(page.getByRole("form", { name: "Accept invitation" })).toBeVisible();
  await expectNoAxeViolations(page, "/invite/[token]");
});

test("a lead recipient's confirmation page has no axe violations", async ({ browser, page }) => {
  const email = `a11y-recipient-${Date.now().toString(36)}@pacific-crest.example`;
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN_A);
  await adminPage.goto("/school/recipients");
  const form = adminPage.getByRole("form", { name: "Add a lead recipient" });
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(form.getByRole("status")).toContainText(`Added ${email}`);
  await admin.close();
  await expect.poll(async () => (await emailsContaining(email)).length, { timeout: 30_000 }).toBe(1);
  const link = /href="https?:\/\/[^/"]+(\/lead-recipients\/confirm\/[^"]+)"/.exec((await emailsContaining(email))[0]!.payload.html)?.[1];
  expect(link, "a confirmation link in the email").toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("button", { name: "Confirm this address" })).toBeVisible();
  await expectNoAxeViolations(page, "/lead-recipients/confirm/[token]");
});

for (const [area, user, lists, details] of [
  ["school portal", ADMIN_A, PORTAL_LISTS, PORTAL_DETAILS],
  ["operator console", OPERATOR, OPS_LISTS, OPS_DETAILS],
] as const) {
  test.describe(`the ${area}`, () => {
    // One sign-in per worker for the whole area; each test starts from its session cookies.
    let session: Awaited<ReturnType<BrowserContext["cookies"]>> = [];
    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext();
      await signIn(await context.newPage(), user);
      session = await context.cookies();
      await context.close();
    });
    test.beforeEach(async ({ context }) => {
      await context.addCookies(session);
    });
    for (const p of lists) {
      test(`${p} has no axe violations`, async ({ page }) => {
        expect((await page.goto(p))?.status(), p).toBe(200);
        await expectNoAxeViolations(page, p);
      });
    }
    for (const [route, list, pattern] of details) {
      test(`${route} has no axe violations`, async ({ page }) => {
        await page.goto(list);
        const href = await firstLinkMatching(page, pattern);
        expect((await page.goto(route.endsWith("/preview") ? `${href}/preview` : href))?.status(), route).toBe(200);
        await expectNoAxeViolations(page, route);
      });
    }
  });
}

test("the scan reports what it should: the settings that make it fast hide nothing", async ({ page }) => {
  const IMG = `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`;
  /** The helper's failure message for a page of `body`, or "" when it passes. */
  const failure = async (body: string, include?: string) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
    return expectNoAxeViolations(page, "a test page", { include }).then(
      () => "",
      (error: Error) => error.message,
    );
  };
  // A (an image without a text alternative), AA (contrast 2.8:1, under 4.5:1), a best practice (no main landmark).
  const broken = await failure(`${IMG}<p style="color:#999;background:#fff">grey on white</p>`);
  for (const rule of ["image-alt", "color-contrast", "landmark-one-main"]) expect(broken).toContain(`: ${rule} (`);
  // AAA alone: contrast 5.7:1 passes AA and fails the enhanced 7:1.
  const aaa = await failure(`<main><h1>t</h1><p style="color:#666;background:#fff">darker grey on white</p></main>`);
  expect(aaa).toContain(": color-contrast-enhanced (");
  expect(aaa).not.toContain(": color-contrast (");
  // A scan narrowed to one part of the page (an open dialog, say) judges that part only.
  const twoParts = `<main><h1>t</h1><div id="clean"><p>fine</p></div><div id="faulty">${IMG}</div></main>`;
  expect(await failure(twoParts, "#clean")).toBe("");
  expect(await failure(twoParts, "#faulty")).toContain(": image-alt (");
});

test("every page under app/ is in this accessibility sweep", () => {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page.tsx") {
        const route = "/" + path.relative("app", dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join("/");
        routes.push(route === "/" ? "/" : route.replace(/\/$/, ""));
      }
    }
  };
  walk("app");
  const covered = new Set([
    ...Object.keys(PUBLIC_PAGES),
    ...PORTAL_LISTS,
    ...PORTAL_DETAILS.map(([r]) => r),
    ...OPS_LISTS,
    ...OPS_DETAILS.map(([r]) => r),
    ...FLOW_ROUTES,
  ]);
  expect(routes.filter((r) => !covered.has(r)).sort()).toEqual([]);
});
