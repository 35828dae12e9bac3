import { expect as baseExpect, test, type Page } from "@playwright/test";
import { OPERATOR, approveProgram, draftProgramForReview, signIn } from "./support/portal";

// Each step waits on a server action; on a busy machine one may take longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 150_000 });

/** A fresh school with one live listing in Health Informatics, made the way operators and schools do. */
async function schoolWithLiveProgram(page: Page, name: string, title: string) {
  await page.goto("/ops/schools");
  const add = page.getByRole("form", { name: "Add a school" });
  await add.getByLabel("School name").fill(name);
  await add.getByLabel("Website").fill("https://suspension-check.example");
  await add.getByRole("button", { name: "Create school" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const schoolUrl = page.url().replace(/\?.*$/, "");

  await page.goto("/ops");
  await page.getByLabel("Open the portal as").selectOption({ label: name });
  await page.getByRole("button", { name: "Open portal" }).click();
  await expect(page).toHaveURL(/\/school/);
  await draftProgramForReview(page, {
    title,
    delivery: "Online",
    months: "18",
    website: "https://suspension-check.example/informatics",
  });
  await approveProgram(page, title);

  // Sponsored at the top: a career page's column shows its first ten ads, sponsored ones first.
  await page.goto(schoolUrl);
  const placement = page.getByRole("form", { name: `Sponsored placement for ${title}` });
  await placement.getByLabel("Sponsored rank").fill("0");
  await placement.getByRole("button", { name: "Save placement" }).click();
  await expect(placement.getByText("Enter a rank from 1 to 999, or leave it empty for not sponsored.")).toBeVisible();
  await placement.getByLabel("Sponsored rank").fill("1");
  await placement.getByRole("button", { name: "Save placement" }).click();
  await expect(placement.getByRole("status")).toHaveText(`“${title}” is sponsored at rank 1.`);
  return schoolUrl;
}

test("suspending a school takes its ads out of the directory and the career page at once; reactivating brings them back", async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Harbor Ridge College ${id}`;
  // Among ads of the same rank, titles decide: this one comes first.
  const title = `AAA Health Data Analytics ${id}`;
  await signIn(page, OPERATOR);
  const schoolUrl = await schoolWithLiveProgram(page, name, title);

  const directory = `/schools?q=${encodeURIComponent(`analytics ${id}`)}`;
  // Health Informatics programs are listed beside this career.
  const career = "/careers/health-information-technologists-and-medical-registrars";
  const ad = (p: Page) => p.getByRole("article", { name: title });
  const careerAds = (p: Page) => p.getByRole("complementary", { name: "Schools offering related programs" });

  // Live: shown in both places (and the directory's answer is now in its cache).
  await page.goto(directory);
  await expect(ad(page)).toBeVisible();
  await expect(ad(page)).toContainText(name);
  await page.goto(career);
  await expect(careerAds(page).getByRole("article", { name: title })).toBeVisible();

  const status = async (button: string, message: string) => {
    await page.goto(schoolUrl);
    const form = page.getByRole("form", { name: "School status" });
    await form.getByRole("button", { name: button }).click();
    await expect(form.getByRole("status")).toContainText(message);
  };

  await status("Suspend school", "no longer shown to students");
  await page.goto(directory);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(ad(page)).toHaveCount(0);
  await page.goto(career);
  await expect(careerAds(page)).toBeVisible();
  await expect(careerAds(page).getByRole("article", { name: title })).toHaveCount(0);

  await status("Reactivate school", "shown again");
  await page.goto(directory);
  await expect(ad(page)).toBeVisible();
  await page.goto(career);
  await expect(careerAds(page).getByRole("article", { name: title })).toBeVisible();
});
