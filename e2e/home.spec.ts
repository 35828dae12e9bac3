import { expect, test } from "@playwright/test";

test("home page leads to career profiles and the school search", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("health-information career");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Career profiles" })).toHaveAttribute("href", "/careers");
  await expect(nav.getByRole("link", { name: "Find schools" })).toHaveAttribute("href", "/schools");
  await expect(nav.getByRole("link", { name: "Sign in for schools" })).toBeVisible();
  const footer = page.getByRole("navigation", { name: "Footer" });
  await footer.getByRole("link", { name: "Advertising disclosure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Advertising disclosure" })).toBeVisible();
  await expect(page.getByText("marked Sponsored", { exact: false })).toBeVisible();
});

test("an unknown page is a real 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
