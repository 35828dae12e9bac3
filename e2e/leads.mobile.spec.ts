import { expect, test } from "@playwright/test";
import { asStudent, expectEmail, fillLeadForm, newStudent } from "./support/leads";

test.skip(({ isMobile }) => !isMobile, "a phone layout: runs in the phone project");

test("on a phone, the Request Info dialog fills the screen and sends a request", async ({ page }) => {
  const student = newStudent();
  await asStudent(page, student);
  await page.goto("/careers/medical-records-and-health-information-technicians");
  await page.getByRole("link", { name: "Request info about Medical Billing and Coding at Valley Allied Health Institute" }).click();
  const dialog = page.getByRole("dialog", { name: "Request information" });
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.width >= viewport.width - 1).toBe(true);
  await fillLeadForm(dialog, student, { campus: "Van Nuys (main campus)" });
  await dialog.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
  await expectEmail(student.email, (e) => e.payload.to.includes("admissions@valley-allied-health-institute.example"));
});
