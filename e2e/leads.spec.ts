import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { VALLEY, addProviderRule, asStudent, emailsContaining, expectEmail, fillLeadForm, newStudent } from "./support/leads";

const SCHOOL_INBOX = "admissions@valley-allied-health-institute.example";
const toSchool = (e: { payload: { to: string[] } }) => e.payload.to.includes(SCHOOL_INBOX);
const manageLink = (html: string) => {
  const m = /href="https?:\/\/[^/"]+(\/my-requests\/[^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error("no manage link in the confirmation email");
  return m[1];
};

test.describe("the Request Info page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sends a request, emails the school and the student, and lets the student withdraw and delete", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await page.goto(`/programs/${VALLEY}/request-info?utm_source=e2e&utm_campaign=spring`);
    await expect(page.getByRole("heading", { level: 1, name: "Request information" })).toBeVisible();
    await fillLeadForm(page, student, { campus: "Panorama City" });
    await page.getByRole("button", { name: "Send my request" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
    await expect(page.getByRole("listitem").filter({ hasText: "Valley Allied Health Institute" })).toContainText("Panorama City campus");

    const [schoolEmail] = await expectEmail(student.email, toSchool);
    expect(schoolEmail!.payload.to).toEqual([SCHOOL_INBOX]);
    expect(schoolEmail!.payload.subject).toBe("New lead: Medical Billing and Coding (Panorama City)");
    const text = schoolEmail!.payload.text;
    for (const part of [`${student.firstName} ${student.lastName}`, student.email, student.phone, "91402 (Panorama City, CA)", "High school diploma", "In 1 to 3 months", "including by automated means"]) {
      expect(text).toContain(part);
    }
    expect(schoolEmail!.payload.html).toMatch(/href="http:\/\/localhost:\d+\/school\/leads\/[0-9a-f-]{36}"/);

    const [confirmation] = await expectEmail(student.email, (e) => e.payload.to.includes(student.email));
    expect(confirmation!.payload.text).toContain("Valley Allied Health Institute: Medical Billing and Coding (Panorama City campus)");

    // The signed link: the student's requests, the consent they gave, withdrawal and deletion.
    await page.goto(manageLink(confirmation!.payload.html));
    await expect(page.getByRole("heading", { level: 1, name: "Your request" })).toBeVisible();
    const consent = page.getByRole("region", { name: "The consent you gave" });
    await expect(consent).toContainText("Valley Allied Health Institute and its representatives may contact me");
    await expect(consent).toContainText("including calls and texts made with automated technology");
    await expect(consent).toContainText("Agreeing is not a condition of enrolling");
    await page.getByRole("button", { name: "Withdraw my consent" }).click();
    await expect(page.getByText("Your consent is withdrawn.")).toBeVisible();
    const [notice] = await expectEmail("Consent withdrawn: Medical Billing and Coding", (e) => toSchool(e) && e.payload.html.includes(schoolEmail!.payload.html.match(/school\/leads\/([0-9a-f-]{36})/)![1]!));
    expect(notice!.payload.text).not.toContain(student.email);

    await page.getByRole("button", { name: "Delete my details" }).click();
    await expect(page.getByText("Tick the box to confirm that you want your details deleted")).toBeVisible();
    await page.getByLabel("I want my details deleted", { exact: true }).check();
    await page.getByRole("button", { name: "Delete my details" }).click();
    await expect(page.getByText("Your details are deleted.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("details deleted", { exact: true })).toBeVisible();
    // The consent proof stays; the personal details are gone from the page.
    await expect(page.getByRole("region", { name: "The consent you gave" })).toContainText("Valley Allied Health Institute");
    await expect(page.getByRole("heading", { name: "Your request" })).toBeVisible();
  });

  test("shows the server's errors on their fields and keeps what was typed", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await page.goto(`/programs/${VALLEY}/request-info`);
    await page.getByLabel("First name", { exact: true }).fill(student.firstName);
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Phone (US)", { exact: true }).fill("123");
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue(student.firstName);
    await expect(page.getByLabel("Last name", { exact: true })).toHaveAccessibleDescription("Enter your last name");
    await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription("Enter an email address like name@example.com");
    await expect(page.getByLabel("Phone (US)", { exact: true })).toHaveAccessibleDescription("Enter a valid 10-digit US phone number");
    await expect(page.getByLabel("Campus", { exact: true })).toHaveAccessibleDescription("Choose the campus you are interested in");
    await expect(page.getByRole("checkbox", { name: /By ticking this box/ })).toHaveAccessibleDescription(/Tick the box to agree/);
    await expect(page.getByLabel("First name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a double click sends one request", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await page.goto(`/programs/${VALLEY}/request-info`);
    await fillLeadForm(page, student, { campus: "Van Nuys (main campus)" });
    await page.getByRole("button", { name: "Send my request" }).dblclick();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
    await expectEmail(student.email, toSchool);
    await expectEmail(student.email, (e) => e.payload.to.includes(student.email));
  });

  test("a filled honeypot is refused and nothing is sent", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await page.goto(`/programs/${VALLEY}/request-info`);
    await fillLeadForm(page, student, { campus: "Van Nuys (main campus)" });
    await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("alert")).toContainText("a field meant to stay empty was filled in");
    expect(await emailsContaining(student.email)).toEqual([]);
  });

  test("a sixth request from one address within ten minutes is refused with a clear message", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    for (let i = 0; i < 5; i++) {
      await page.goto(`/programs/${VALLEY}/request-info`);
      await fillLeadForm(page, { ...student, email: `${i}.${student.email}` }, { campus: "Van Nuys (main campus)" });
      await page.getByRole("button", { name: "Send my request" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(student.firstName);
    }
    await page.goto(`/programs/${VALLEY}/request-info`);
    await fillLeadForm(page, { ...student, email: `6.${student.email}` }, { campus: "Van Nuys (main campus)" });
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("alert")).toContainText("Too many requests have come from your network");
    await expect(page.getByRole("alert")).toContainText("Please try again in");
  });
});

test("the Request Info page, with its errors showing, and the thank-you page have no accessibility violations", async ({ page }) => {
  const student = newStudent();
  await asStudent(page, student);
  await page.goto(`/programs/${VALLEY}/request-info`);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByLabel("First name", { exact: true })).toHaveAccessibleDescription("Enter your first name");
  await expectNoAxeViolations(page);
  await fillLeadForm(page, student, { campus: "Panorama City" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
  await expectNoAxeViolations(page);
});

test.describe("the Request Info dialog", () => {
  const career = "/careers/medical-records-and-health-information-technicians";

  test("opens from an ad, keeps focus inside, closes on Esc, and checks fields in the browser and on the server", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await page.goto(career);
    const opener = page.getByRole("link", { name: "Request info about Medical Billing and Coding at Valley Allied Health Institute" });
    await expect(opener).toHaveAttribute("href", `/programs/${VALLEY}/request-info`);
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Request information" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("First name", { exact: true })).toBeVisible();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !document.activeElement || document.activeElement === document.body || Boolean(document.activeElement.closest("dialog[open]")))).toBe(true);
    }
    await expectNoAxeViolations(page, "the Request Info dialog", { include: "dialog[open]" });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await opener.click();
    await expect(dialog).toBeVisible();
    // Browser-side: empty form.
    await dialog.getByRole("button", { name: "Send my request" }).click();
    await expect(dialog.getByLabel("First name", { exact: true })).toHaveAccessibleDescription("Enter your first name");
    await expect(dialog.getByLabel("ZIP code", { exact: true })).toHaveAccessibleDescription("Enter your ZIP code");
    // Server-side: a well-formed ZIP that does not exist.
    await fillLeadForm(dialog, { ...student, zip: "00001" }, { campus: "Panorama City" });
    await dialog.getByRole("button", { name: "Send my request" }).click();
    await expect(dialog.getByLabel("ZIP code", { exact: true })).toHaveAccessibleDescription("We do not recognise this ZIP code; check it and try again");
    await expect(dialog.getByLabel("First name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  });

  test("sends to similar programs too, naming every school in the consent, and is delivered after a provider failure", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    await addProviderRule({ mode: "fail", match: student.email, times: 2 });
    await page.goto(career);
    await page.getByRole("link", { name: "Request info about Medical Billing and Coding at Valley Allied Health Institute" }).click();
    const dialog = page.getByRole("dialog", { name: "Request information" });
    await fillLeadForm(dialog, student, { campus: "Van Nuys (main campus)" });
    const similar = dialog.getByRole("group", { name: "Also send my request to similar programs (optional)" });
    const first = similar.getByRole("checkbox").first();
    const label = (await first.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")) as string;
    const otherSchool = label.split(" at ")[1]!.split(" (")[0]!.trim();
    // Ticking a school changes the consent text: the box must be ticked again for the new text.
    await first.check();
    const consentBox = dialog.getByRole("checkbox", { name: /By ticking this box/ });
    await expect(consentBox).toHaveAccessibleName(new RegExp(`Valley Allied Health Institute and ${otherSchool} and their representatives`));
    await dialog.getByRole("button", { name: "Send my request" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
    const schools = page.getByRole("region", { name: "Schools that will contact you" });
    await expect(schools).toContainText("Valley Allied Health Institute");
    await expect(schools).toContainText(otherSchool);

    // The provider failed twice for this student; the worker retried, and each email arrived once.
    await expectEmail(student.email, toSchool);
    await expectEmail(student.email, (e) => !toSchool(e) && !e.payload.to.includes(student.email));
    const [confirmation] = await expectEmail(student.email, (e) => e.payload.to.includes(student.email));
    expect(confirmation!.payload.text).toContain(otherSchool);
  });

  test("a second request to the same school within 30 days is recorded, and the student told", async ({ page }) => {
    const student = newStudent();
    await asStudent(page, student);
    for (const attempt of [1, 2]) {
      await page.goto(`/programs/${VALLEY}/request-info`);
      await fillLeadForm(page, student, { campus: "Van Nuys (main campus)" });
      await page.getByRole("button", { name: "Send my request" }).click();
      if (attempt === 1) await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`You have already asked, ${student.firstName}`);
    await expect(page.getByRole("region", { name: "Already asked" })).toContainText("You already asked Valley Allied Health Institute on");
    await expectEmail(student.email, toSchool, 1);
    await expectEmail(student.email, (e) => e.payload.to.includes(student.email), 1);
  });
});
