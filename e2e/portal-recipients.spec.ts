import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { asStudent, emailsContaining, expectEmail, fillLeadForm, newStudent } from "./support/leads";
import { ADMIN_A, MEMBER_A, OPERATOR, SCHOOL_B, signIn } from "./support/portal";

test.describe.configure({ timeout: 120_000 });

const PACIFIC = "pacific-crest-college-medical-administrative-specialist";
const unique = (prefix: string) => `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@pacific-crest.example`;

/** The confirmation link emailed to `to` (through the fake provider), as a path on this site. */
async function confirmationLink(to: string, count = 1) {
  const emails = await expectEmail(to, (e) => e.payload.to.includes(to) && e.payload.subject.startsWith("Confirm: student requests"), count);
  const html = emails[emails.length - 1]!.payload.html;
  const match = /href="https?:\/\/[^/"]+(\/lead-recipients\/confirm\/[^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no confirmation link");
  return match[1];
}

async function addAddress(page: Page, email: string, campus?: string) {
  const form = page.getByRole("form", { name: "Add a lead recipient" });
  await form.getByLabel("Email address").fill(email);
  if (campus) await form.getByLabel("Leads for").selectOption({ label: `${campus} campus only` });
  await form.getByRole("button", { name: "Add address" }).click();
  return form;
}

test("an admin adds a campus address; it gets leads for that campus only after its owner confirms", async ({ page, browser }) => {
  await signIn(page, ADMIN_A);
  await page.getByRole("navigation", { name: "School portal" }).getByRole("link", { name: "Lead recipients" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lead recipients" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Bad input: the message is on the field.
  let form = await addAddress(page, "admissions at pacific");
  await expect(form.getByLabel("Email address")).toHaveAccessibleDescription("Enter an email address like admissions@your-school.edu.");
  form = await addAddress(page, "ADMISSIONS@pacific-crest-college.example");
  await expect(form.getByLabel("Email address")).toHaveAccessibleDescription(/already on your list/);

  const email = unique("torrance");
  form = await addAddress(page, email, "Torrance");
  await expect(form.getByRole("status")).toContainText(`Added ${email}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Torrance campus only");
  await expect(row).toContainText("Waiting for confirmation");
  await expectNoAxeViolations(page);

  // Not confirmed yet: a Torrance lead does not reach it.
  const before = newStudent();
  await sendLead(browser, before, "Torrance");
  await expectEmail(before.email, (e) => e.payload.to.includes("admissions@pacific-crest-college.example"));
  expect((await emailsContaining(before.email)).some((e) => e.payload.to.includes(email))).toBe(false);

  // Its owner follows the link (no account needed), once.
  const link = await confirmationLink(email);
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await ownerPage.goto(link);
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText("Receive Pacific Crest College's student requests?");
  await expectNoAxeViolations(ownerPage);
  await ownerPage.getByRole("button", { name: "Confirm this address" }).click();
  await expect(ownerPage.getByRole("status")).toContainText("Confirmed.");
  await ownerPage.goto(link);
  await expect(ownerPage.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");
  await owner.close();

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Confirmed");

  // Confirmed: a Torrance lead reaches it; a Los Angeles lead does not.
  const torrance = newStudent();
  await sendLead(browser, torrance, "Torrance");
  await expectEmail(torrance.email, (e) => e.payload.to.includes(email) && e.payload.to.includes("admissions@pacific-crest-college.example"));
  const losAngeles = newStudent();
  await sendLead(browser, losAngeles, "Los Angeles");
  await expectEmail(losAngeles.email, (e) => e.payload.to.includes("admissions@pacific-crest-college.example"));
  expect((await emailsContaining(losAngeles.email)).some((e) => e.payload.to.includes(email))).toBe(false);

  // Removed: gone from the list.
  await page.getByRole("form", { name: `Remove ${email}` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Address removed")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
});

async function sendLead(browser: import("@playwright/test").Browser, student: ReturnType<typeof newStudent>, campus: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await asStudent(page, student);
  await page.goto(`/programs/${PACIFIC}/request-info`);
  await fillLeadForm(page, { ...student, zip: "90501" }, { campus });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
  await context.close();
}

test("resending a confirmation retires the old link", async ({ page }) => {
  await signIn(page, ADMIN_A);
  await page.goto("/school/recipients");
  const email = unique("resend");
  await addAddress(page, email);
  const first = await confirmationLink(email);
  await page.getByRole("form", { name: `Resend confirmation to ${email}` }).getByRole("button", { name: "Resend confirmation" }).click();
  await expect(page.getByRole("form", { name: `Resend confirmation to ${email}` }).getByRole("status")).toContainText("Sent a new confirmation link");
  const second = await confirmationLink(email, 2);
  expect(second).not.toBe(first);
  await page.goto(first);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");
  await page.goto(second);
  await expect(page.getByRole("button", { name: "Confirm this address" })).toBeVisible();
});

test("members cannot manage recipients; an operator can, for any school", async ({ page, browser }) => {
  await signIn(page, MEMBER_A);
  await expect(page.getByRole("navigation", { name: "School portal" }).getByRole("link", { name: "Lead recipients" })).toHaveCount(0);
  await page.goto("/school/recipients");
  await expect(page).toHaveURL(/\/school$/);

  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, OPERATOR);
  await opsPage.goto("/ops");
  await opsPage.getByLabel("Open the portal as").selectOption({ label: SCHOOL_B });
  await opsPage.getByRole("button", { name: "Open portal" }).click();
  await opsPage.getByRole("navigation", { name: "School portal" }).getByRole("link", { name: "Lead recipients" }).click();
  await expect(opsPage.getByRole("row").filter({ hasText: "admissions@valley-allied-health-institute.example" })).toContainText("Every campus");
  const email = unique("ops").replace("pacific-crest", "valley-allied");
  await addAddress(opsPage, email);
  await expect(opsPage.getByRole("row").filter({ hasText: email })).toContainText("Waiting for confirmation");
  await ops.close();
});
