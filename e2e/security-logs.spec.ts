import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { VALLEY, addProviderRule, asStudent, expectEmail, fillLeadForm, letters, newStudent, type Student } from "./support/leads";

/**
 * Leads are personal data and must never reach the server's logs. This runs lead submissions of
 * every kind through the e2e server (accepted, refused by validation, refused by the server's own
 * checks, and one whose emails fail at the provider and are retried) and then searches everything
 * the server printed (e2e/support/server.mjs tees it to E2E_SERVER_LOG) for the students' names,
 * emails and phone numbers in every format.
 */

const serverLog = () =>
  process.env.E2E_SERVER_LOG ?? path.resolve(".data", `e2e-${process.env.E2E_PORT ?? "3100"}-server.log`);


function distinctive(): Student {
  const base = newStudent();
  return { ...base, firstName: `Zeph${letters(6)}`, lastName: `Quill${letters(6)}`, email: `pii.${letters(10)}@example.com` };
}

/** The ways a phone number can appear: as typed, E.164, digits only, dashed. */
function phoneForms(typed: string): string[] {
  const digits = typed.replace(/\D/g, "");
  return [typed, `+1${digits}`, digits, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`];
}

async function openForm(page: Page, student: Student) {
  await asStudent(page, student);
  await page.goto(`/programs/${VALLEY}/request-info`);
}

test.use({ javaScriptEnabled: false });

test("lead submissions, refusals and failed deliveries leave no personal data in the server's output", async ({ page, request }) => {
  test.setTimeout(120_000);
  const searched: string[] = [];
  const remember = (s: Student, phone = s.phone) => searched.push(s.firstName, s.lastName, s.email, ...phoneForms(phone));

  // Accepted, with the school's and the student's emails failing twice at the provider first.
  const failing = distinctive();
  remember(failing);
  await addProviderRule({ mode: "fail", match: failing.email, times: 4 });
  await openForm(page, failing);
  await fillLeadForm(page, failing, { campus: "Panorama City" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Thank you, ${failing.firstName}`);

  // Accepted, plainly.
  const plain = distinctive();
  remember(plain);
  await openForm(page, plain);
  await fillLeadForm(page, plain, { campus: "Van Nuys (main campus)" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Thank you, ${plain.firstName}`);

  // Refused by validation: a malformed email and phone, each typed with distinctive text.
  const invalid = distinctive();
  const badEmail = `broken.${letters(8)}@`;
  const badPhone = "(818) 12-3456";
  searched.push(invalid.firstName, badEmail, badPhone, "818123456");
  await openForm(page, invalid);
  await fillLeadForm(page, { ...invalid, email: badEmail, phone: badPhone }, { campus: "Panorama City" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please correct the highlighted fields.");

  // Refused after validation: a ZIP code that does not exist.
  const nowhere = distinctive();
  remember(nowhere);
  await openForm(page, nowhere);
  await fillLeadForm(page, { ...nowhere, zip: "00001" }, { campus: "Panorama City" });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByText("We do not recognise this ZIP code; check it and try again")).toBeVisible();

  // The failed deliveries were retried until the provider took them.
  await expectEmail(failing.email, (e) => e.payload.to.includes(failing.email));
  await expectEmail(plain.email, (e) => e.payload.to.includes(plain.email));

  // Everything the server printed so far is in the file once a line printed after it is.
  const marker = `00${letters(12).replace(/./g, (c) => String(c.charCodeAt(0) % 10))}`;
  await request.post("/", { headers: { "Next-Action": marker, "Content-Type": "text/plain" }, data: "[]" });
  await expect.poll(() => readFileSync(serverLog(), "utf8").includes(marker)).toBe(true);

  const log = readFileSync(serverLog(), "utf8");
  const found = searched.filter((s) => log.toLowerCase().includes(s.toLowerCase()));
  expect(found, "personal data in the server's output").toEqual([]);
});
