import { expect, test, type Page } from "@playwright/test";

// Many pages a test: on a busy machine the default minute is not enough.
test.describe.configure({ timeout: 180_000 });

const PASSWORD = "demo-password-2026";
const SCHOOL_ADMIN = "admin@pacific-crest.example";
const SCHOOL_MEMBER = "member@pacific-crest.example";

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

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test("a signed-out visitor is sent to sign in from every operator page", async ({ page }) => {
  for (const route of OPS_ROUTES) {
    await page.goto(route);
    await expect(page, route).toHaveURL(/\/login/);
    await expect(page.getByText("Lead volume")).toHaveCount(0);
  }
});

for (const email of [SCHOOL_ADMIN, SCHOOL_MEMBER]) {
  test(`a school user (${email.split("@")[0]}) gets a 404 on every operator page`, async ({ page }) => {
    await signIn(page, email);
    for (const route of OPS_ROUTES) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(404);
      await expect(page.getByRole("heading", { name: "Lead volume" })).toHaveCount(0);
      await expect(page.getByText("Operator console")).toHaveCount(0);
    }
  });
}
