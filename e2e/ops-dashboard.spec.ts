import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { newStudent } from "./support/leads";
import { leadFormBody, leadStudent, scrapeLeadForm, VALLEY_SLUG } from "./support/lead-post";

const OPERATOR = "operator@careerpath.example";
const PASSWORD = "demo-password-2026";

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

const number = (text: string | null) => Number((text ?? "").replace(/[^0-9]/g, ""));

test("an operator reads lead volume for a date range, per day, week and month", async ({ page, baseURL }) => {
  // A bot fills the hidden field: refused, and counted as a rejected submission (without its details).
  const origin = baseURL ?? "";
  const body = leadFormBody(await scrapeLeadForm(origin), leadStudent(1, "example.com", { firstName: "Botty", lastName: "Trap" }));
  body.set("website", "http://spam.example");
  const refused = await fetch(`${origin}/programs/${VALLEY_SLUG}/request-info`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin, "x-forwarded-for": newStudent().ip },
  });
  expect(refused.status).not.toBe(303);

  await signIn(page, OPERATOR);
  await page.goto("/ops");
  await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Lead volume" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lead volume" })).toBeVisible();

  // The demo seed's leads were made in January 2026.
  const from = "2026-01-01";
  const to = "2026-12-31";
  const range = page.getByRole("form", { name: "Date range" });
  await range.getByLabel("First day").fill(from);
  await range.getByLabel("Last day").fill(to);
  await range.getByLabel("Per").selectOption("month");
  await range.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  await expect(page.getByText(`Leads made from ${from} to ${to}`)).toBeVisible();

  const leads = number(await page.getByText("Leads", { exact: true }).locator("xpath=following-sibling::dd").textContent());
  expect(leads).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: "Leads per month" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Leads per month: .* leads in \d+ periods/ })).toBeVisible();

  // The figures under the chart add up to the total, as do the breakdowns.
  await page.getByText("Figures per month").click();
  const perMonth = page.getByRole("table", { name: "Leads per month" });
  const cells = await perMonth.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(cells.reduce((s, c) => s + number(c), 0)).toBe(leads);
  for (const caption of ["By program area", "By student state", "By source (utm_source)"]) {
    const table = page.getByRole("table", { name: caption });
    const values = await table.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(values.reduce((s, c) => s + number(c), 0), caption).toBe(leads);
  }
  await expect(page.getByRole("table", { name: "Top 20 schools" }).getByRole("rowheader").first()).toBeVisible();

  // Refused submissions: their share of everything asked for, and their reasons.
  const rejected = await page.getByText("Rejected submissions", { exact: true }).locator("xpath=following-sibling::dd").textContent();
  expect(number((rejected ?? "").split("(")[0] ?? "")).toBeGreaterThan(0);
  expect(rejected).toMatch(/\(\d+\.\d%\)/);
  const reasons = page.getByRole("table", { name: "Rejected submissions by reason" });
  await expect(reasons.getByRole("rowheader", { name: "Hidden field filled in (bot trap)" })).toBeVisible();
  await expect(page.getByText("are not stored, so they are not counted")).toHaveCount(0);

  await expectNoAxeViolations(page);
});

test("a bad range is reported on its field and the last 30 days are shown instead", async ({ page }) => {
  await signIn(page, OPERATOR);
  const response = await page.goto("/ops/leads?from=2025-03-10&to=2025-03-01&by=week");
  expect(response?.status()).toBe(200);
  const last = page.getByLabel("Last day");
  await expect(last).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The last day must be on or after the first day.")).toBeVisible();
  await expect(page.getByText("The range was not valid, so the last 30 days are shown.")).toBeVisible();
  await page.goto("/ops/leads?from=not-a-date");
  await expect(page.getByText("Enter a date as YYYY-MM-DD.")).toBeVisible();
  await expectNoAxeViolations(page);
});
