import { expect, test } from "@playwright/test";
import { letters, newStudent } from "./support/leads";
import { leadFormBody, leadStudent, scrapeLeadForm, VALLEY_SLUG } from "./support/lead-post";
import { ADMIN_A, MEMBER_A, OPERATOR, signIn } from "./support/portal";

// Many pages a test: on a busy machine the default minute is not enough.
test.describe.configure({ timeout: 180_000 });

/** Every operator page. Each one checks the role on the server, whatever the proxy does. */
const OPS_ROUTES = [
  "/ops",
  "/ops/leads",
  "/ops/leads?from=2020-01-01&to=2020-12-31&by=month",
  "/ops/mailbox",
  "/ops/schools",
  "/ops/schools?q=pacific",
  "/ops/schools/1",
  "/ops/review",
  "/ops/deliveries",
  "/ops/deliveries?state=failed",
  "/ops/clicks",
  "/ops/privacy",
  "/ops/audit",
  "/ops/audit?action=school.",
  "/ops/careers",
  "/ops/careers/medical-records-and-health-information-technicians",
  "/ops/careers/medical-records-and-health-information-technicians/import",
];

/**
 * One email of this run, with a student's details in it: /ops/mailbox/[id] shows an email in full, so
 * it must be denied like every other operator page (a made-up id would be a 404 for anyone).
 */
let emailRoute = "";
test.beforeAll(async ({ browser, baseURL }) => {
  const origin = baseURL ?? "";
  const student = newStudent();
  const firstName = `Morgan${letters(6)}`;
  const body = leadFormBody(await scrapeLeadForm(origin), leadStudent(0, "example.com", { firstName, lastName: "Rivera" }));
  // A student of its own (email and phone): each worker runs this hook, and a second request with
  // one phone to one school within 30 days is a duplicate, which sends no email.
  body.set("email", student.email);
  body.set("phone", student.phone);
  const res = await fetch(`${origin}/programs/${VALLEY_SLUG}/request-info`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { origin, "x-forwarded-for": student.ip },
  });
  expect(res.status, "the lead was accepted").toBe(303);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OPERATOR);
  await page.goto("/ops/mailbox");
  const href = await page.getByRole("row").filter({ hasText: student.email }).first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/ops\/mailbox\/[^/]+$/);
  emailRoute = href ?? "";
  // The operator sees the email's content there: the page others are refused is a real one.
  await page.goto(emailRoute);
  await expect(page.getByText(firstName).first()).toBeVisible();
  await context.close();
});
const routes = () => [...OPS_ROUTES, emailRoute];

test("a signed-out visitor is sent to sign in from every operator page", async ({ page }) => {
  for (const route of routes()) {
    await page.goto(route);
    await expect(page, route).toHaveURL(/\/login/);
    await expect(page.getByText(/Morgan/)).toHaveCount(0);
    await expect(page.getByText("Lead volume")).toHaveCount(0);
  }
});

for (const email of [ADMIN_A, MEMBER_A]) {
  test(`a school user (${email.split("@")[0]}) gets a 404 on every operator page`, async ({ page }) => {
    await signIn(page, email);
    for (const route of routes()) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(404);
      await expect(page.getByRole("heading", { name: "Lead volume" })).toHaveCount(0);
      await expect(page.getByText("Operator console")).toHaveCount(0);
      await expect(page.getByText(/Morgan/)).toHaveCount(0);
    }
  });
}
