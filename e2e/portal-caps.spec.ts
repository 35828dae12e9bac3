import { expect, test } from "@playwright/test";
import { asStudent, fillLeadForm, newStudent } from "./support/leads";
import { ADMIN_A, OPERATOR, approveProgram, draftProgramForReview, signIn } from "./support/portal";

test.describe.configure({ timeout: 180_000 });

test("a program at its daily lead cap says so on its ad and page, and its open form refuses the next request", async ({ page, browser }) => {
  const title = `Capped Coding ${Date.now().toString(36)}`;
  await signIn(page, ADMIN_A);
  await draftProgramForReview(page, {
    title,
    delivery: "On campus",
    months: "6",
    website: "https://www.pacific-crest-college.example/programs/capped",
    campuses: ["Torrance"],
    dailyCap: "1",
  });

  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, OPERATOR);
  await approveProgram(opsPage, title);
  await ops.close();

  // Live, taking requests; the directory's read of this search is now cached.
  const student = await browser.newContext();
  const directory = await student.newPage();
  await directory.goto(`/schools?q=${encodeURIComponent(title)}`);
  const ad = directory.getByRole("article").filter({ hasText: title });
  await expect(ad.getByRole("link", { name: `Request info about ${title} at Pacific Crest College` })).toBeVisible();
  await ad.getByRole("link", { name: title, exact: true }).click();
  await expect(directory.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const programUrl = directory.url();

  // Two students open the form while the program takes requests.
  const [first, second] = [newStudent(), newStudent()];
  const late = await browser.newContext();
  const latePage = await late.newPage();
  await asStudent(latePage, second);
  await latePage.goto(`${programUrl}/request-info`);
  await fillLeadForm(latePage, second);

  const firstPage = await student.newPage();
  await asStudent(firstPage, first);
  await firstPage.goto(`${programUrl}/request-info`);
  await fillLeadForm(firstPage, first);
  await firstPage.getByRole("button", { name: "Send my request" }).click();
  await expect(firstPage.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${first.firstName}: your request is on its way`);

  // The cap is reached: the second form is refused, with a message, and nothing is sent elsewhere.
  await latePage.getByRole("button", { name: "Send my request" }).click();
  const refusal = latePage.getByRole("alert").filter({ hasText: "This program is not taking requests right now" });
  await expect(refusal).toContainText("Nothing was sent");
  await expect(latePage).toHaveURL(/\/request-info$/);
  await late.close();

  // The ad changes at once (the lead expired the directory's cache), and so does the program page.
  await directory.goto(`/schools?q=${encodeURIComponent(title)}`);
  await expect(ad.getByText("Not taking requests right now")).toBeVisible();
  await expect(ad.getByRole("link", { name: /Request info about/ })).toHaveCount(0);
  await directory.goto(programUrl);
  await expect(directory.getByText("Not taking requests right now")).toBeVisible();
  await expect(directory.getByRole("link", { name: "Request Info" })).toHaveCount(0);
  await directory.goto(`${programUrl}/request-info`);
  await expect(directory.getByRole("status")).toContainText("Not taking requests right now");
  await expect(directory.getByRole("button", { name: "Send my request" })).toHaveCount(0);

  // The school raises the cap: the program takes requests again at once.
  await page.reload();
  const edit = page.getByRole("form", { name: "Edit program" });
  await edit.getByLabel("Most leads per day").fill("5");
  await edit.getByRole("button", { name: "Save program" }).click();
  await expect(edit.getByRole("status")).toContainText("Saved");
  await directory.goto(`/schools?q=${encodeURIComponent(title)}`);
  await expect(ad.getByRole("link", { name: `Request info about ${title} at Pacific Crest College` })).toBeVisible();
  await student.close();
});
