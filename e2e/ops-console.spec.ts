import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { addProviderRule } from "./support/leads";
import { ADMIN_A, OPERATOR, signIn, uniqueEmail } from "./support/portal";

test.describe.configure({ timeout: 150_000 });

const slugOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");


/** Creates a program in the school portal the page is signed in to, and sends it for review. */
async function draftAndSubmit(page: Page, title: string) {
  await page.goto("/school/programs/new");
  const form = page.getByRole("form", { name: "New program" });
  await form.getByLabel("Program title").fill(title);
  await form.getByLabel("Program area").selectOption({ label: "Health Informatics" });
  await form.getByLabel("Credential").selectOption({ label: "Certificate" });
  await form.getByLabel("How it is taught").selectOption({ label: "Online" });
  await form.getByLabel("Length in months").fill("9");
  await form.getByLabel("Program web page").fill("https://www.example.com/programs/e2e");
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("form", { name: "Send for review" }).getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Status: In review")).toBeVisible();
}

test("an operator creates a school, its listing is approved, and suspending the school takes the listing out of the directory", async ({ page }) => {
  const id = Date.now().toString(36);
  const name = `Lakeside Career Institute ${id}`;
  const title = `Coding Basics ${id}`;
  await signIn(page, OPERATOR);
  await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Schools" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input: messages on the fields, nothing created.
  const add = page.getByRole("form", { name: "Add a school" });
  await add.getByLabel("Website").fill("not a url");
  await add.getByRole("button", { name: "Create school" }).click();
  await expect(add.getByText("Enter the school's name.")).toBeVisible();
  await expect(add.getByText("Enter a web address starting with https://.")).toBeVisible();
  await add.getByLabel("School name").fill(name);
  await add.getByLabel("Website").fill("https://lakeside.example");
  await add.getByRole("button", { name: "Create school" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("School created.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Found by search.
  await page.goto("/ops/schools");
  await page.getByLabel("Name, slug or website").fill(`career institute ${id}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table").getByRole("link")).toHaveText([name]);
  await page.getByRole("link", { name }).click();

  // Edit, invite an admin, and let edits go live without review.
  const details = page.getByRole("form", { name: "School details" });
  await details.getByLabel("Description").fill("Evening and online programs.");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  const adminEmail = uniqueEmail("lakeside-admin");
  const invite = page.getByRole("form", { name: "Invite an admin" });
  await invite.getByLabel("Admin's email address").fill(adminEmail);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${adminEmail}`);
  await page.reload();
  await expect(page.getByText(`${adminEmail} (admin)`)).toBeVisible();
  const review = page.getByRole("form", { name: "Review setting" });
  await review.getByRole("button", { name: "Publish without review" }).click();
  await expect(review.getByRole("status")).toContainText("now go live at once");

  // A listing of the new school, sent for review and approved on /ops/review.
  await page.goto("/ops");
  await page.getByLabel("Open the portal as").selectOption({ label: name });
  await page.getByRole("button", { name: "Open portal" }).click();
  await expect(page).toHaveURL(/\/school/);
  await draftAndSubmit(page, title);
  await page.goto("/ops/review");
  const item = page.getByRole("article", { name: title });
  await expect(item).toContainText("New listing");
  await expectNoAxeViolations(page);
  await item.getByRole("button", { name: "Approve" }).click();
  // Approved: it leaves the queue.
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);

  const requestInfo = `/programs/${slugOf(`${name} ${title}`)}/request-info`;
  expect((await page.goto(requestInfo))?.status()).toBe(200);

  await page.goto("/ops/schools");
  await page.getByLabel("Name, slug or website").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name }).click();
  const status = page.getByRole("form", { name: "School status" });
  await status.getByRole("button", { name: "Suspend school" }).click();
  await expect(status.getByRole("status")).toContainText("no longer shown to students");
  expect((await page.goto(requestInfo))?.status()).toBe(404);

  // Every change is in the audit log, filtered by school.
  await page.goto("/ops/audit");
  await page.getByLabel("School").selectOption({ label: name });
  await page.getByRole("button", { name: "Show" }).click();
  const log = page.getByRole("table");
  for (const action of ["school.created", "school.updated", "invitation.created", "school.publish_setting", "program.approved", "school.suspended"]) {
    await expect(log.getByRole("cell", { name: action, exact: true }), action).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("a listing sent back with a reason is emailed to the school's admins", async ({ page, browser }) => {
  const title = `Billing Essentials ${Date.now().toString(36)}`;
  await signIn(page, ADMIN_A);
  await draftAndSubmit(page, title);

  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, OPERATOR);
  await opsPage.goto("/ops/review");
  const item = opsPage.getByRole("article", { name: title });
  await item.getByRole("button", { name: "Send back" }).click();
  await expect(item.getByText("Say what needs to change.")).toBeVisible();
  await item.getByLabel("What needs to change").fill("Name the accrediting body in the description.");
  await item.getByRole("button", { name: "Send back" }).click();
  await expect(opsPage.getByRole("article", { name: title })).toHaveCount(0);

  await opsPage.goto("/ops/mailbox");
  const row = opsPage.getByRole("row").filter({ hasText: ADMIN_A }).filter({ hasText: `Changes needed: ${title}` });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(opsPage.getByText("Name the accrediting body in the description.").first()).toBeVisible();
  await ops.close();

  await page.reload();
  await expect(page.getByText("Status: Draft")).toBeVisible();
});

test("failed deliveries are shown with their error and resent together from the deliveries page", async ({ page }) => {
  const emails = [uniqueEmail("bounce"), uniqueEmail("bounce")];
  // The provider refuses the first attempt to each address (a 422 is not retried: the row fails).
  for (const email of emails) await addProviderRule({ mode: "reject", match: email, times: 1 });
  await signIn(page, OPERATOR);
  await page.goto("/ops/schools");
  await page.getByRole("link", { name: "Valley Allied Health Institute" }).click();
  const invite = page.getByRole("form", { name: "Invite an admin" });
  for (const email of emails) {
    await invite.getByLabel("Admin's email address").fill(email);
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  }

  await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Deliveries" }).click();
  await page.getByLabel("State").selectOption("failed");
  await page.getByRole("button", { name: "Show" }).click();
  const rows = emails.map((email) => page.getByRole("row").filter({ hasText: email }));
  await expect(async () => {
    await page.reload();
    for (const row of rows) await expect(row).toContainText("Failed", { timeout: 1000 });
  }).toPass();
  for (const row of rows) await expect(row).toContainText("Invalid `to` field");
  await expectNoAxeViolations(page);

  // Nothing ticked: told so.
  const form = page.getByRole("form", { name: "Resend deliveries" });
  await form.getByRole("button", { name: "Resend ticked deliveries" }).click();
  await expect(form.getByText("Tick at least one failed delivery.")).toBeVisible();

  // Both at once.
  for (const row of rows) await row.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Resend ticked deliveries" }).click();
  await expect(form.getByRole("status")).toContainText("Queued 2 deliveries again.");
  await page.goto("/ops/deliveries?state=sent");
  await expect(async () => {
    await page.reload();
    for (const email of emails) await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Sent", { timeout: 1000 });
  }).toPass();
});

test("clicks to leads: the demo leads per school, and a bad range on its field", async ({ page }) => {
  await signIn(page, OPERATOR);
  await page.goto("/ops/clicks?from=2026-01-01&to=2026-12-31");
  const bySchool = page.getByRole("table", { name: "By school" });
  const pacific = bySchool.getByRole("row").filter({ hasText: "Pacific Crest College" });
  await expect(pacific).toBeVisible();
  expect(Number((await pacific.getByRole("cell").nth(1).textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
  await expect(page.getByRole("table", { name: "By program" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/ops/clicks?from=2026-02-10&to=2026-02-01");
  await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The last day must be on or after the first day.")).toBeVisible();
});

test("privacy: the retention setting is validated and saved, and the scrub reports what it did", async ({ page }) => {
  await signIn(page, OPERATOR);
  await page.goto("/ops/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy requests" })).toBeVisible();
  await expectNoAxeViolations(page);
  const setting = page.getByRole("form", { name: "Retention setting" });
  await setting.getByLabel("Keep lead requests for (months)").fill("0");
  await setting.getByRole("button", { name: "Save retention" }).click();
  await expect(setting.getByText("Keep leads at least 1 month.")).toBeVisible();
  await setting.getByLabel("Keep lead requests for (months)").fill("120");
  await setting.getByRole("button", { name: "Save retention" }).click();
  await expect(setting.getByRole("status")).toHaveText("Lead requests are kept for 120 months.");
  await page.reload();
  const scrub = page.getByRole("form", { name: "Scrub old lead requests" });
  await scrub.getByRole("button", { name: "Scrub requests older than 120 months" }).click();
  await expect(scrub.getByRole("status")).toHaveText("No lead request older than 120 months was left to scrub.");
});
