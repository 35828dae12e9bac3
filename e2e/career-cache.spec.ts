import { expect as baseExpect, test, type Page } from "@playwright/test";
import { OPERATOR, signIn } from "./support/portal";

// Career profiles are served from Next's page cache (proxy.ts -> app/career-pages) unless their query
// string asks for per-request rendering; either way the visitor sees the same page at the same address.

// The operator steps wait on server actions; on a busy machine one may take longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

const SLUG = "medical-records-and-health-information-technicians";
const PROFILE = `/careers/${SLUG}`;
const TITLE = "Medical Records and Health Information Technicians";
const BY_EMPLOYMENT = ["Los Angeles-Long Beach-Anaheim", "Dallas-Fort Worth-Arlington", "Phoenix-Mesa-Scottsdale", "Houston-The Woodlands-Sugar Land"];
const BY_SALARY = ["Los Angeles-Long Beach-Anaheim", "Dallas-Fort Worth-Arlington", "Houston-The Woodlands-Sugar Land", "Phoenix-Mesa-Scottsdale"];

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const metroTable = (page: Page) => page.getByRole("table", { name: /metro areas with the most/i });
const programs = (page: Page) => page.getByRole("complementary", { name: "Schools offering related programs" });

async function metroOrder(page: Page): Promise<string[]> {
  const headers = await metroTable(page).getByRole("rowheader").allTextContents();
  return headers.map((h) => h.split(",")[0]!.trim());
}

/** How many programs the column beside the profile says match its filters. */
async function matchCount(page: Page): Promise<number> {
  const heading = programs(page).getByRole("heading", { name: /matching programs?/ });
  await expect(heading).toBeVisible();
  return Number((await heading.textContent())!.match(/([\d,]+) matching/)![1]!.replace(/,/g, ""));
}

/**
 * The profile as a visitor sees it: its title, its metro table in the given order, the directory
 * of its programs beside it (filtered by the query string: the plain profile's shows ads).
 */
async function expectProfile(page: Page, order: string[], filtered = false) {
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  expect(await metroOrder(page)).toEqual(order);
  const count = await matchCount(page);
  if (!filtered || count > 0) {
    await expect(programs(page).getByRole("article").first()).toBeVisible();
    await expect(programs(page).getByRole("link", { name: /^Request info about/ }).first()).toBeVisible();
  }
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${PROFILE}$`));
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
}

test.describe("cached career profiles", () => {
  test("plain and filtered views show the profile at the address asked for, cacheable by browsers and CDNs", async ({ page }) => {
    const views: [string, string[]][] = [
      ["", BY_EMPLOYMENT],
      ["?credential=associate&state=CA", BY_EMPLOYMENT],
      ["?zip=91402&radius=25", BY_EMPLOYMENT],
      ["?metroSort=salary", BY_SALARY],
      ["?state=ca&metroSort=salary&utm_source=newsletter", BY_SALARY],
    ];
    // Twice: the first view may render the page, the second is served from the cache.
    for (const round of [1, 2]) {
      for (const [query, order] of views) {
        const response = await page.goto(`${PROFILE}${query}`);
        expect(response?.status(), `${query} (${round})`).toBe(200);
        expect(response?.headers()["cache-control"], `${query} (${round})`).not.toContain("no-store");
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`${PROFILE}${query}`);
        await expectProfile(page, order, query !== "" && query !== "?metroSort=salary");
      }
    }
  });

  test("the column beside the profile is the directory: a filter narrows its programs and stays in the address", async ({ page }) => {
    await page.goto(PROFILE);
    const all = await matchCount(page);
    expect(all).toBeGreaterThan(0);
    const column = programs(page);
    await column.getByText("Filter these programs").click();
    await column.getByRole("group", { name: "Credential" }).getByRole("checkbox").first().check();
    await expect(page).toHaveURL(new RegExp(`${PROFILE}\\?credential=`));
    await expect(column.getByRole("group", { name: "Credential" }).getByRole("checkbox").first()).toBeChecked();
    expect(await matchCount(page)).toBeLessThanOrEqual(all);
    // The rest of the profile stays as it was.
    expect(await metroOrder(page)).toEqual(BY_EMPLOYMENT);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${PROFILE}$`));
    expect(await matchCount(page)).toBe(all);
  });

  test("a free-text search or a mistyped ZIP is still answered, per request, with the same profile", async ({ page }) => {
    for (const query of ["?q=coding", "?q=coding&metroSort=salary", "?zip=9140&radius=25"]) {
      const response = await page.goto(`${PROFILE}${query}`);
      expect(response?.status(), query).toBe(200);
      expect(new URL(page.url()).search).toBe(query);
      await expectProfile(page, query.includes("salary") ? BY_SALARY : BY_EMPLOYMENT, true);
    }
  });

  test("sorting the metro table keeps /careers addresses, and Back returns to the previous order", async ({ page }) => {
    await page.goto(PROFILE);
    await metroTable(page).getByRole("link", { name: /annual median salary/i }).click();
    await expect(page).toHaveURL(new RegExp(`${PROFILE}\\?metroSort=salary#metro-areas$`));
    await expect(metroTable(page).getByRole("columnheader", { name: /annual median salary/i })).toHaveAttribute("aria-sort", "descending");
    expect(await metroOrder(page)).toEqual(BY_SALARY);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${PROFILE}$`));
    await expect(metroTable(page).getByRole("columnheader", { name: /total employment/i })).toHaveAttribute("aria-sort", "descending");
    expect(await metroOrder(page)).toEqual(BY_EMPLOYMENT);
  });

  test("Request Info opens its form from a cached view", async ({ page }) => {
    await page.goto(`${PROFILE}?metroSort=salary`);
    await programs(page).getByRole("link", { name: /^Request info about/ }).first().click();
    const dialog = page.getByRole("dialog", { name: "Request information" });
    await expect(dialog.getByLabel("First name", { exact: true })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Send my request" })).toBeVisible();
  });

  test("an unknown career is a 404 page, first time and from the cache", async ({ page }) => {
    // A slug no career can have (too long for the operators' form, or another alphabet) too.
    const odd = ["a".repeat(130), "no_such_career", "%C3%A9cole"].flatMap((slug) => [`/careers/${slug}`, `/careers/${slug}?state=CA`]);
    for (const path of ["/careers/no-such-career", "/careers/no-such-career", "/careers/no-such-career?metroSort=salary", "/careers/no-such-career?q=x", ...odd]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("the page cache's own address is kept from search engines", async ({ request }) => {
    expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /career-pages/");
  });
});

test.describe("operator changes", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a career created after its address was asked for, then edited, shows at once in every cached view", async ({ page }) => {
    const id = uid();
    const name = `Cache Check Coders ${id}`;
    const slug = `cache-check-coders-${id}`;
    const views = [`/careers/${slug}`, `/careers/${slug}?metroSort=salary`];

    // Asked for before it exists: a 404, now in the page cache.
    for (const view of views) expect((await page.goto(view))?.status(), view).toBe(404);

    await signIn(page, OPERATOR);
    await page.goto("/ops/careers");
    const add = page.getByRole("form", { name: "Add a career" });
    await add.getByLabel("Title", { exact: true }).fill(name);
    await add.getByLabel("Short title").fill(name);
    await add.getByLabel("Address (optional)").fill(slug);
    await add.getByLabel("Summary").fill(`${name} keep coded records of patient care in good order.`);
    await add.getByRole("button", { name: "Create career" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const editor = page.url();

    for (const view of views) {
      const response = await page.goto(view);
      expect(response?.status(), view).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(page.getByText(`${name} keep coded records`)).toBeVisible();
    }

    await page.goto(editor);
    const form = page.getByRole("form", { name: "Career profile" });
    // A profile is saved whole: its required sections are written along with the new summary.
    await form.getByLabel("Summary").fill(`Revised ${id}: ${name} turn surgery notes into codes.`);
    await form.getByLabel("What the work involves (paragraphs)").fill(`Coders ${id} read operating notes.`);
    await form.getByLabel("Typical duties (list)").fill(`Read operative reports ${id}\nAssign procedure codes`);
    await form.getByLabel("Working conditions (paragraphs)").fill("Most work in hospital offices or from home.");
    await form.getByLabel("Job outlook (paragraphs)").fill("Demand follows the number of operations performed.");
    await form.getByLabel("Training and education (paragraphs)").fill("A coding certificate and experience with surgical records.");
    await form.getByLabel("Employers (list)").fill("Hospitals\nAmbulatory surgery centers");
    await form.getByRole("button", { name: "Save career" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved. The public profile shows the change now.");

    for (const view of views) {
      await page.goto(view);
      await expect(page.getByText(`Revised ${id}: ${name} turn surgery notes into codes.`)).toBeVisible();
      await expect(page.getByText(`Coders ${id} read operating notes.`)).toBeVisible();
      await expect(page.getByRole("region", { name: "Typical duties" }).getByRole("listitem").first()).toHaveText(`Read operative reports ${id}`);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/careers/${slug}$`));
    }
  });
});
