import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { asStudent, fillLeadForm, letters, newStudent } from "./support/leads";
import { ADMIN_A, MEMBER_A, OPERATOR, SCHOOL_A, signIn } from "./support/portal";

test.describe.configure({ timeout: 120_000 });

test("a program is created, reviewed by an operator, and goes live", async ({ page, browser }) => {
  const title = `Health Data Analyst ${Date.now().toString(36)}`;
  await signIn(page, ADMIN_A);
  await page.goto("/school/programs/new");
  const form = page.getByRole("form", { name: "New program" });

  // Bad input: messages on the fields concerned, nothing saved.
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(form.getByText("Enter the program's title.")).toBeVisible();
  await expect(form.getByText("Choose a program area.")).toBeVisible();

  await form.getByLabel("Program title").fill(title);
  await form.getByLabel("Program area").selectOption({ label: "Health Informatics" });
  await form.getByLabel("Credential").selectOption({ label: "Certificate" });
  await form.getByLabel("How it is taught").selectOption({ label: "On campus" });
  await form.getByLabel("Length in months").fill("10");
  await form.getByLabel("Highlights").fill("Evening classes\nCareer services for graduates");
  await form.getByLabel("Program web page").fill("https://www.pacific-crest-college.example/programs/analyst");
  await form.getByRole("checkbox", { name: "Torrance" }).check();
  await form.getByLabel("Most leads per day").fill("20");
  await form.getByRole("button", { name: "Create draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft created")).toBeVisible();
  await page.getByRole("link", { name: "Preview as students see it" }).click();
  const ad = page.getByRole("article");
  await expect(ad.getByRole("heading", { name: title })).toBeVisible();
  await expect(ad).toContainText(SCHOOL_A);
  await expect(ad).toContainText("Torrance, CA");
  await expectNoAxeViolations(page);
  await page.goBack();

  const submit = page.getByRole("form", { name: "Send for review" });
  await submit.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Status: In review")).toBeVisible();

  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, OPERATOR);
  await opsPage.goto("/ops");
  await opsPage.getByRole("form", { name: `Approve ${title}` }).getByRole("button", { name: "Approve" }).click();
  await expect(opsPage.getByRole("form", { name: `Approve ${title}` })).toHaveCount(0);
  await ops.close();

  await page.reload();
  await expect(page.getByText("Status: Live")).toBeVisible();

  // Live in the directory: the ad's title leads to the public program page.
  const programUrl = page.url();
  await page.getByRole("link", { name: "Preview as students see it" }).click();
  await page.getByRole("article").getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const publicUrl = page.url();

  // Paused: gone from the directory until resumed.
  await page.goto(programUrl);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Status: Paused")).toBeVisible();
  const hidden = await page.request.get(publicUrl);
  expect(hidden.status()).toBe(404);
});

test("a school member works a lead: status with history, and the export contains it", async ({ page }) => {
  await signIn(page, MEMBER_A);
  await page.goto("/school/leads");
  await expectNoAxeViolations(page);

  // Search by name (kept out of the URL).
  const filters = page.getByRole("form", { name: "Filter leads" });
  await filters.getByLabel("Name or email").fill("Casey");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/school\/leads$/);
  await expect(page.getByRole("link", { name: "Casey Nguyen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jordan Rivera" })).toHaveCount(0);

  await page.getByRole("link", { name: "Casey Nguyen" }).click();
  await expect(page.getByRole("heading", { name: "Consent record" })).toBeVisible();
  await expect(page.getByText("demo-v1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delivery log" })).toBeVisible();

  const status = page.getByRole("form", { name: "Lead status" });
  await status.getByLabel("Status").selectOption("closed");
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByText("Say why the lead is closed.")).toBeVisible();
  await status.getByLabel("Reason for closing").fill("Chose another school");
  await status.getByLabel("Note").fill("Called twice");
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByRole("status")).toContainText("Lead updated.");
  await page.reload();
  await expect(page.getByText("→ Closed")).toBeVisible();
  await expect(page.getByText("Reason: Chose another school")).toBeVisible();

  await page.goto("/school/leads");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks).toString("utf8");
  expect(csv.split("\n")[0]).toContain("consented_at_utc,consent_text_version");
  const line = csv.split("\n").find((l) => l.includes("Casey"));
  expect(line).toContain("closed");
  expect(line).toContain("demo-v1");
  expect(csv).not.toContain("Jordan");
  expect(csv).not.toContain("Avery");
});

test("a lead arriving appears in the open list without a reload", async ({ page, browser }) => {
  await signIn(page, ADMIN_A);
  await page.goto("/school/leads");
  await page.getByRole("form", { name: "Filter leads" }).getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/school\/leads$/);

  // A student sends a real request through the public form, in a browser of their own.
  // A surname of letters only: the form refuses digits in names.
  const student = { ...newStudent(), lastName: `Arrival${letters(8)}` };
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await asStudent(studentPage, student);
  await studentPage.goto("/programs/pacific-crest-college-medical-administrative-specialist/request-info");
  await fillLeadForm(studentPage, { ...student, zip: "90012" }, { campus: "Los Angeles" });
  await studentPage.getByRole("button", { name: "Send my request" }).click();
  await expect(studentPage.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
  await studentContext.close();

  // The admin's open page shows it, without a reload.
  await expect(
    page.getByRole("region", { name: /New since you opened this page/ }).getByRole("link", { name: `${student.firstName} ${student.lastName}` }),
  ).toBeVisible({ timeout: 30_000 });
});
