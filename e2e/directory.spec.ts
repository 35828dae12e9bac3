import { expect, test, type Page } from "@playwright/test";

const results = (page: Page) => page.getByRole("list", { name: "Programs" }).getByRole("article");
const heading = (page: Page) => page.getByRole("heading", { level: 2, name: /matching program/ });

/** The number in "N matching programs" (or the cap in "More than N"). */
async function matchCount(page: Page): Promise<number> {
  const text = (await heading(page).textContent()) ?? "";
  return Number(/([\d,]+) matching/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

async function cardTexts(page: Page): Promise<string[]> {
  await expect(results(page).first()).toBeVisible();
  return results(page).allInnerTexts();
}

test.describe("directory filters", () => {
  test("each filter narrows the list, and every result matches it", async ({ page }) => {
    await page.goto("/schools");
    const all = await matchCount(page);
    expect(all).toBeGreaterThan(100);

    await page.goto("/schools?credential=associate");
    expect(await matchCount(page)).toBeLessThan(all);
    for (const text of await cardTexts(page)) expect(text).toContain("Associate degree");

    await page.goto("/schools?delivery=online");
    expect(await matchCount(page)).toBeLessThan(all);
    for (const text of await cardTexts(page)) expect(text).toMatch(/· Online\n/);

    await page.goto("/schools?state=CA");
    expect(await matchCount(page)).toBeLessThan(all);
    for (const text of await cardTexts(page)) expect(text).toMatch(/, CA/);

    await page.goto("/schools?area=medical-coding");
    const coding = await matchCount(page);
    expect(coding).toBeGreaterThan(0);
    expect(coding).toBeLessThan(all);

    await page.goto("/schools?accredited=1");
    expect(await matchCount(page)).toBeLessThan(all);

    await page.goto("/schools?q=pacific+crest");
    const texts = await cardTexts(page);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain("Pacific Crest College");
  });

  test("filters combine: every result matches all of them", async ({ page }) => {
    await page.goto("/schools?credential=certificate&credential=diploma&delivery=campus&state=CA");
    const count = await matchCount(page);
    expect(count).toBeGreaterThan(0);
    for (const text of await cardTexts(page)) {
      expect(text).toMatch(/Certificate|Diploma/);
      expect(text).toContain("On campus");
      expect(text).toMatch(/, CA/);
    }
    await page.goto("/schools?credential=certificate&credential=diploma&delivery=campus&state=CA&accredited=1&area=medical-billing");
    expect(await matchCount(page)).toBeLessThanOrEqual(count);
  });

  test("near a ZIP: only campuses within the radius, nearest first when sorted by distance", async ({ page }) => {
    await page.goto("/schools?zip=90012&radius=50&sort=distance");
    await expect(heading(page)).toContainText("within 50 miles of 90012");
    const distances = (await page.getByText(/^Nearest campus: [\d.]+ miles away$/).allInnerTexts()).map((t) => Number(/([\d.]+) miles/.exec(t)?.[1]));
    expect(distances.length).toBeGreaterThan(1);
    for (const d of distances) expect(d).toBeLessThanOrEqual(50);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // A wider radius finds at least as many.
    const near = await matchCount(page);
    await page.goto("/schools?zip=90012&radius=250&sort=distance");
    expect(await matchCount(page)).toBeGreaterThanOrEqual(near);
  });

  test("a malformed ZIP or radius shows a message beside the field, and the other filters still apply", async ({ page }) => {
    const response = await page.goto("/schools?zip=9001x&radius=lots&delivery=online");
    expect(response?.status()).toBe(200);
    const zip = page.getByRole("textbox", { name: "ZIP code" });
    await expect(zip).toHaveAttribute("aria-invalid", "true");
    await expect(zip).toHaveAccessibleDescription(/5-digit ZIP code/);
    await expect(page.getByRole("combobox", { name: "Within" })).toHaveAccessibleDescription(/distance in miles/);
    for (const text of await cardTexts(page)) expect(text).toMatch(/· Online\n/);

    await page.goto("/schools?zip=00000");
    await expect(zip).toHaveAccessibleDescription(/could not find ZIP code 00000/);
  });

  test("unknown filter values are dropped and the rest applied; odd query strings never fail", async ({ page, request }) => {
    await page.goto("/schools?credential=wizard&credential=associate&delivery=teleport&state=ZZ&area=no-such-area&sort=random&page=-4");
    for (const text of await cardTexts(page)) expect(text).toContain("Associate degree");
    for (const query of [
      "?page=999999999",
      "?page=1e9",
      "?zip[]=1&radius[]=2",
      "?q=%25%27%22%3B--",
      "?q=" + "a".repeat(3000),
      "?radius=-1&zip=90012",
      "?zip=90012&radius=100000",
      "?sort=distance",
      "?credential=&delivery=&state=",
      "?%E0%A4%A=1",
    ]) {
      const response = await request.get(`/schools${query}`);
      expect(response.status(), query).toBeLessThan(500);
    }
  });

  test("an empty result suggests which filter to widen", async ({ page }) => {
    await page.goto("/schools?q=zzqqxx&delivery=online");
    await expect(page.getByText("No programs match all of these filters.")).toBeVisible();
    await page.getByRole("link", { name: /Remove the search for/ }).click();
    await expect(page).toHaveURL(/delivery=online/);
    await expect(page).not.toHaveURL(/zzqqxx/);
    expect(await matchCount(page)).toBeGreaterThan(0);
  });
});

test.describe("directory URL and form", () => {
  test("filters live in the URL: a change updates it, a reload keeps it, Back restores the previous filters", async ({ page }) => {
    await page.goto("/schools");
    const all = await matchCount(page);
    await page.getByRole("checkbox", { name: "Bachelor's degree" }).check();
    await expect(page).toHaveURL(/credential=bachelor/);
    await expect.poll(() => matchCount(page)).toBeLessThan(all);
    const bachelors = await matchCount(page);
    await page.getByRole("combobox", { name: "Campus state" }).selectOption("TX");
    await expect(page).toHaveURL(/credential=bachelor.*state=TX|state=TX.*credential=bachelor/);

    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Bachelor's degree" })).toBeChecked();
    await expect(page.getByRole("combobox", { name: "Campus state" })).toHaveValue("TX");

    await page.goBack();
    await expect(page).not.toHaveURL(/state=TX/);
    await expect(page.getByRole("combobox", { name: "Campus state" })).toHaveValue("");
    await expect(page.getByRole("checkbox", { name: "Bachelor's degree" })).toBeChecked();
    await expect.poll(() => matchCount(page)).toBe(bachelors);
  });

  test("a filter set has one address: instant filters and links go straight to it, other spellings redirect there", async ({ page, request }) => {
    // Every /directory/ address the browser asks for (pages, and the instant filters' RSC requests,
    // whose redirects Next answers inside a 200): each must be served as it is, not redirected.
    const asked = new Set<string>();
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/directory/")) asked.add(url.pathname);
    });
    const redirects: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 300 && response.status() < 400) redirects.push(response.url());
    });
    await page.goto("/schools");
    await page.getByRole("checkbox", { name: "Bachelor's degree" }).check();
    await expect(page).toHaveURL(/\/directory\/credential=bachelor$/);
    await page.getByRole("combobox", { name: "Campus state" }).selectOption("TX");
    await expect(page).toHaveURL(/\/directory\/credential=bachelor&state=TX$/);
    await expect(page.getByRole("checkbox", { name: "Bachelor's degree" })).toBeChecked();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("name");
    await expect(page).toHaveURL(/\/directory\/credential=bachelor&state=TX&sort=name$/);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("recommended");
    await expect(page).toHaveURL(/\/directory\/credential=bachelor&state=TX$/);
    await page.getByRole("textbox", { name: "ZIP code" }).fill("75201");
    await page.getByRole("textbox", { name: "ZIP code" }).press("Enter");
    await expect(page).toHaveURL(/\/directory\/credential=bachelor&state=TX&zip=75201&radius=50$/);
    await expect(heading(page)).toContainText("within 50 miles of 75201");
    expect(redirects).toEqual([]);

    // "Clear all" is the unfiltered directory; a search by name is rendered per request, at /schools.
    await page.getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/schools$/);
    await page.getByRole("searchbox", { name: "School or program name" }).fill("informatics");
    await page.getByRole("searchbox", { name: "School or program name" }).press("Enter");
    await expect(page).toHaveURL(/\/schools\?q=informatics$/);
    expect(redirects).toEqual([]);
    expect(asked.size).toBeGreaterThanOrEqual(4);
    for (const path of asked) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);

    // A link from elsewhere, spelled another way: the same page at its canonical address.
    await page.goto("/directory/state=tx&area=no-such-area&credential=bachelor&sort=recommended&utm_source=mail");
    await expect(page).toHaveURL(/\/directory\/credential=bachelor&state=TX$/);
    await expect(page.getByRole("combobox", { name: "Campus state" })).toHaveValue("TX");
    // A malformed ZIP: the per-request page, with the message beside the field.
    await page.goto("/directory/zip=123&radius=50");
    await expect(page).toHaveURL(/\/schools\?zip=123&radius=50$/);
    await expect(page.getByRole("textbox", { name: "ZIP code" })).toHaveAccessibleDescription(/5-digit ZIP code/);
  });

  test("the form works without JavaScript as a plain GET form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/schools");
    await page.getByRole("checkbox", { name: "Online", exact: true }).check();
    await page.getByRole("textbox", { name: "ZIP code" }).fill("abc");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/delivery=online/);
    await expect(page.getByRole("textbox", { name: "ZIP code" })).toHaveAccessibleDescription(/5-digit ZIP code/);
    for (const text of await cardTexts(page)) expect(text).toMatch(/· Online\n/);
    await page.getByRole("textbox", { name: "ZIP code" }).fill("");
    await page.getByRole("searchbox", { name: "School or program name" }).fill("informatics");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=informatics/);
    for (const text of await cardTexts(page)) expect(text.toLowerCase()).toContain("informatics");
    await context.close();
  });

  test("pagination moves through the results and marks the current page", async ({ page }) => {
    await page.goto("/schools?sort=name");
    const firstPage = await cardTexts(page);
    expect(firstPage).toHaveLength(20);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/directory\/sort=name&page=2$/);
    await expect(page.getByRole("navigation", { name: "Pages" }).locator("[aria-current=page]")).toHaveText("Page 2");
    const secondPage = await cardTexts(page);
    expect(secondPage[0]).not.toEqual(firstPage[0]);
    await page.getByRole("link", { name: "Previous page" }).click();
    await expect(page).not.toHaveURL(/page=2/);
  });

  test("sponsored ads are labelled, and the disclosure is linked beside the sort control", async ({ page }) => {
    await page.goto("/schools");
    const first = results(page).first();
    await expect(first.getByText("Sponsored", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "How results are ordered and who pays us" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Advertising disclosure" })).toBeVisible();
  });
});

test.describe("pages", () => {
  test("program page shows the full ad with JSON-LD", async ({ page }) => {
    await page.goto("/schools?q=pacific+crest");
    await results(page).first().getByRole("link", { name: "Medical Administrative Specialist", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Medical Administrative Specialist" })).toBeVisible();
    await expect(page.getByText("Sponsored", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Pacific Crest College" }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Campuses" })).toBeVisible();
    await expect(page.getByText(/Los Angeles, CA \d{5}/)).toBeVisible();
    await expect(page.getByText("Diploma", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Request Info" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Visit School Site/ })).toHaveAttribute("href", /^\/go\/\d+\?from=/);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd["@type"]).toBe("EducationalOccupationalProgram");
    expect(jsonLd.provider.name).toBe("Pacific Crest College");
    expect(jsonLd.timeToComplete).toMatch(/^P\d+M$/);
  });

  test("school page lists its campuses and programs", async ({ page }) => {
    await page.goto("/schools/pacific-crest-college");
    await expect(page.getByRole("heading", { level: 1, name: "Pacific Crest College" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Campuses" })).toBeVisible();
    await expect(page.getByText(/Torrance, CA \d{5}/)).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();
  });

  test("state index counts programs and schools; a state page lists its programs", async ({ page }) => {
    await page.goto("/states");
    const row = page.getByRole("row", { name: /California/ });
    await expect(row).toBeVisible();
    const [programs, schools] = (await row.getByRole("cell").allInnerTexts()).map((t) => Number(t.replace(/,/g, "")));
    expect(programs).toBeGreaterThan(0);
    expect(schools).toBeGreaterThan(0);
    await row.getByRole("link", { name: "California" }).click();
    await expect(page).toHaveURL(/\/states\/california$/);
    await expect(page.getByRole("heading", { level: 1, name: "School programs in California" })).toBeVisible();
    await expect(page.getByTestId("state-counts")).toHaveText(`${programs} campus-based programs at ${schools} schools`);
    for (const text of (await page.getByRole("article").allInnerTexts()).slice(0, 10)) expect(text).toMatch(/, CA/);
  });

  test("unknown slugs are proper 404 pages", async ({ page }) => {
    for (const path of ["/programs/no-such-program", "/schools/no-such-school", "/states/atlantis"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("sitemap and robots cover careers, programs, schools and states", async ({ request }) => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain("/programs/pacific-crest-college-medical-administrative-specialist");
    expect(sitemap).toContain("/schools/pacific-crest-college");
    expect(sitemap).toContain("/states/california");
    expect(sitemap).toContain("/schools</loc>");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Sitemap:");
    expect(robots).toContain("Disallow: /go/");
    // A filter set's own address is linked from public pages: crawlable, with /schools as canonical.
    expect(robots).not.toContain("Disallow: /directory/");
  });

  test("the directory, cached or rendered per request, is indexable under its one canonical address", async ({ page }) => {
    for (const path of ["/schools", "/schools?credential=certificate", "/directory/credential=certificate", "/schools?q=coding"]) {
      await page.goto(path);
      await expect(page.locator('meta[name="robots"]'), path).toHaveCount(0);
      await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute("href", /\/schools$/);
    }
  });
});

test.describe("Visit School Site", () => {
  async function programId(page: Page): Promise<number> {
    await page.goto("/schools?q=pacific+crest");
    const href = await results(page).first().getByRole("link", { name: /Visit School Site/ }).getAttribute("href");
    return Number(/\/go\/(\d+)/.exec(href ?? "")?.[1]);
  }

  test("redirects to the stored program URL, whatever the request asks for", async ({ page, request }) => {
    const id = await programId(page);
    const plain = await request.get(`/go/${id}?from=/schools`, { maxRedirects: 0 });
    expect(plain.status()).toBe(302);
    const stored = plain.headers().location;
    expect(stored).toMatch(/^https:\/\/www\.pacific-crest-college\.example\//);
    for (const query of ["?url=https://evil.example/", "?from=https://evil.example/", "?from=//evil.example", "?next=/login"]) {
      const response = await request.get(`/go/${id}${query}`, { maxRedirects: 0 });
      expect(response.status(), query).toBe(302);
      expect(response.headers().location, query).toBe(stored);
    }
    for (const bad of ["/go/999999999", "/go/abc", "/go/-1", "/go/1e3"]) {
      const response = await request.get(bad, { maxRedirects: 0 });
      expect(response.status(), bad).toBe(404);
      expect(response.headers().location, bad).toBeUndefined();
    }
  });
});
