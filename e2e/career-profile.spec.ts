import { expect, test, type Page } from "@playwright/test";

const PROFILE = "/careers/medical-records-and-health-information-technicians";

/** The metro table's row headers (MSA names), top to bottom. */
async function metroOrder(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /metro areas with the most/i });
  const headers = await table.getByRole("rowheader").allTextContents();
  return headers.map((h) => h.split(",")[0]!.trim());
}

test.describe("career profile", () => {
  test("shows every section of the profile", async ({ page }) => {
    await page.goto(PROFILE);
    await expect(page.getByRole("heading", { level: 1, name: "Medical Records and Health Information Technicians" })).toBeVisible();
    for (const name of [
      "What the work involves",
      "What a patient record holds",
      "Typical duties",
      "Specialties",
      "Working conditions",
      "Job outlook",
      "Training and education",
      "Certification",
      /who employs/i,
      /metro areas/i,
      /industries that employ/i,
      "Related careers",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Cancer registrar" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Medical coder" })).toBeVisible();
    await expect(page.getByText("Registered Health Information Technician")).toBeVisible();
    const aside = page.getByRole("complementary", { name: "Schools offering related programs" });
    await expect(aside.getByRole("link", { name: /^Request info about/ }).first()).toBeVisible();
    await expect(aside.getByRole("link", { name: /how listings are ordered/i })).toBeVisible();
  });

  test("shows the national projection, 2014 to 2024", async ({ page }) => {
    await page.goto(PROFILE);
    const outlook = page.getByRole("region", { name: "Job outlook" });
    await expect(outlook.getByText(/from 188,600 jobs in 2014 to a projected 217,600 in 2024/)).toBeVisible();
    await expect(outlook.getByText("+29,000")).toBeVisible();
    await expect(outlook.getByText("+15.4%")).toBeVisible();
    await expect(outlook.getByText(/Employment Projections 2014-24/)).toBeVisible();
  });

  test("metro table shows MSA figures and sorts by salary and by employment without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PROFILE);

    const table = page.getByRole("table", { name: /metro areas with the most/i });
    const la = table.getByRole("row", { name: /Los Angeles-Long Beach-Anaheim/ });
    await expect(la.getByRole("cell", { name: "7,700" })).toBeVisible();
    await expect(la.getByRole("cell", { name: "$41,410" })).toBeVisible();
    await expect(la).toContainText("Los Angeles, Long Beach, Anaheim");

    const byEmployment = ["Los Angeles-Long Beach-Anaheim", "Dallas-Fort Worth-Arlington", "Phoenix-Mesa-Scottsdale", "Houston-The Woodlands-Sugar Land"];
    expect(await metroOrder(page)).toEqual(byEmployment);
    await expect(table.getByRole("columnheader", { name: /total employment/i })).toHaveAttribute("aria-sort", "descending");

    await table.getByRole("link", { name: /annual median salary/i }).click();
    await expect(page).toHaveURL(/metroSort=salary/);
    const sorted = page.getByRole("table", { name: /metro areas with the most/i });
    await expect(sorted.getByRole("columnheader", { name: /annual median salary/i })).toHaveAttribute("aria-sort", "descending");
    await expect(sorted.getByRole("columnheader", { name: /total employment/i })).not.toHaveAttribute("aria-sort", /.+/);
    const bySalary = await metroOrder(page);
    expect(bySalary).toEqual(["Los Angeles-Long Beach-Anaheim", "Dallas-Fort Worth-Arlington", "Houston-The Woodlands-Sugar Land", "Phoenix-Mesa-Scottsdale"]);
    expect(bySalary).not.toEqual(byEmployment);

    await sorted.getByRole("link", { name: /total employment/i }).click();
    await expect(page).toHaveURL(/metroSort=employment/);
    expect(await metroOrder(page)).toEqual(byEmployment);
    await context.close();
  });

  test("industry table lists the eight industries with their sources", async ({ page }) => {
    await page.goto(PROFILE);
    const table = page.getByRole("table", { name: /industries employing/i });
    await expect(table.getByRole("row")).toHaveCount(9);
    const hospitals = table.getByRole("row", { name: /Hospitals/ });
    await expect(hospitals.getByRole("cell", { name: "65,500" })).toBeVisible();
    await expect(hospitals.getByRole("cell", { name: "38%" })).toBeVisible();
    await expect(hospitals.getByRole("cell", { name: "$32,600" })).toBeVisible();
    const section = page.getByRole("region", { name: /industries that employ/i });
    await expect(section.getByText(/Occupational Employment Statistics, May 2016\. Data year: 2016/)).toBeVisible();
  });

  test("charts are images with a title and a text alternative", async ({ page }) => {
    await page.goto(PROFILE);
    await expect(page.getByRole("img", { name: /top 4 metro areas by employment/i })).toBeVisible();
    await expect(page.getByRole("img", { name: /top 4 metro areas by annual median salary/i })).toBeVisible();
    const employment = page.getByRole("list", { name: "Employment by metro area" });
    await expect(employment.getByRole("listitem")).toHaveText([
      "Los Angeles-Long Beach-Anaheim, CA: 7,700",
      "Dallas-Fort Worth-Arlington, TX: 4,530",
      "Phoenix-Mesa-Scottsdale, AZ: 4,070",
      "Houston-The Woodlands-Sugar Land, TX: 3,610",
    ]);
    const salary = page.getByRole("list", { name: "Annual median salary by metro area" });
    await expect(salary.getByRole("listitem").nth(2)).toHaveText("Houston-The Woodlands-Sugar Land, TX: $38,590");
  });

  test("related careers link to their profiles", async ({ page }) => {
    await page.goto(PROFILE);
    const related = page.getByRole("region", { name: "Related careers" });
    await expect(related.getByRole("link")).toHaveCount(3);
    await related.getByRole("link", { name: "Medical and Health Services Managers" }).click();
    await expect(page).toHaveURL(/\/careers\/medical-and-health-services-managers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Medical and Health Services Managers" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Related careers" }).getByRole("link", { name: "Medical Records and Health Information Technicians" }),
    ).toBeVisible();
  });

  test("publishes Occupation structured data", async ({ page }) => {
    await page.goto(PROFILE);
    const json = await page.locator('script[type="application/ld+json"]').first().textContent();
    const data = JSON.parse(json ?? "{}");
    expect(data["@type"]).toBe("Occupation");
    expect(data.occupationalCategory.codeValue).toBe("29-2071");
    expect(data.estimatedSalary[0]).toMatchObject({ "@type": "MonetaryAmountDistribution", median: 41410, currency: "USD" });
  });

  test("the careers index lists the profiles", async ({ page }) => {
    await page.goto("/careers");
    await page.getByRole("link", { name: "Medical Records and Health Information Technicians" }).click();
    await expect(page).toHaveURL(PROFILE);
  });

  test("an unknown career is a 404", async ({ page }) => {
    const response = await page.goto("/careers/no-such-career");
    expect(response?.status()).toBe(404);
  });

});
