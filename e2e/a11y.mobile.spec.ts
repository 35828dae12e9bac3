import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";

// On a phone, targets crowd together and text reflows: the public pages again, at Pixel 7 size.
test.skip(({ isMobile }) => !isMobile, "a phone layout: runs in the phone project");

const PAGES = [
  "/",
  "/careers/medical-records-and-health-information-technicians",
  "/schools",
  "/schools?zip=90012&radius=50&sort=distance",
  "/programs/pacific-crest-college-medical-administrative-specialist",
  "/programs/pacific-crest-college-medical-administrative-specialist/request-info",
  "/schools/pacific-crest-college",
  "/states/california",
  "/login",
];

for (const p of PAGES) {
  test(`${p} has no axe violations on a phone`, async ({ page }) => {
    expect((await page.goto(p))?.status()).toBe(200);
    await expectNoAxeViolations(page, p);
  });
}
