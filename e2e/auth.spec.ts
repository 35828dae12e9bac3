import { expect, test } from "@playwright/test";
import {
  ADMIN_A,
  OPERATOR,
  SCHOOL_A,
  acceptInvitation,
  invitedUser,
  readLinkFromMailbox,
  signIn,
  signInWithPassword,
} from "./support/portal";

// These tests create their own users through invitations: several bcrypt sign-ins each.
test.describe.configure({ timeout: 150_000 });

test("password sign-in opens the school portal; signing out ends the session on the server", async ({ page, browser }) => {
  await signInWithPassword(page, ADMIN_A);
  await expect(page).toHaveURL(/\/school$/);
  await expect(page.getByText(SCHOOL_A, { exact: true })).toBeVisible();
  const response = await page.request.get("/school");
  expect(response.headers()["cache-control"]).toContain("no-store");

  // Keep a copy of the session cookie, sign out, then try the copy in a fresh browser.
  const state = await page.context().storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  const replay = await browser.newContext({ storageState: state });
  const again = await replay.newPage();
  await again.goto("/school/leads");
  await expect(again).toHaveURL(/\/login/);
  await replay.close();
});

test("a wrong password is refused, and repeated failures lock password sign-in", async ({ page, browser }) => {
  const password = "correct horse battery staple";
  const { email, link } = await invitedUser(browser, { role: "member", password, prefix: "lockout" });
  await acceptInvitation(page, link, "Lock Out", password);
  await expect(page).toHaveURL(/\/school$/);
  await page.getByRole("button", { name: "Sign out" }).click();

  for (let i = 0; i < 5; i++) {
    await signInWithPassword(page, email, `wrong password ${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match");
  }
  await signInWithPassword(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/login/);
});

test("magic link: the emailed link signs in once", async ({ page, browser }) => {
  const { email, link } = await invitedUser(browser, { role: "member", prefix: "magic" });
  await acceptInvitation(page, link, "Maggie Link");
  await expect(page.getByText("Invitation accepted")).toBeVisible();

  const form = page.getByRole("form", { name: "Email me a sign-in link" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const magic = await readLinkFromMailbox(browser, email, "Your sign-in link");
  expect(magic).toContain("/api/auth/callback/email");
  await page.goto(magic);
  await expect(page).toHaveURL(/\/school$/);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The same link a second time is refused.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(magic);
  await expect(second.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
  await other.close();
});

test("an invitation works once and grants the invited role", async ({ page, browser }) => {
  const { email, link } = await invitedUser(browser, { role: "member", password: "a long enough password", prefix: "invite" });
  await acceptInvitation(page, link, "Ivy Invited", "a long enough password");
  await expect(page).toHaveURL(/\/school$/);
  await expect(page.getByText(`Signed in as ${email} · Member`)).toBeVisible();
  // A member works leads but cannot see listings or people.
  await expect(page.getByRole("navigation", { name: "School portal" }).getByRole("link", { name: "Programs" })).toHaveCount(0);

  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await other.close();
});

test("a disabled user loses access at once", async ({ page, browser }) => {
  const password = "disable me soon please";
  const { email, link } = await invitedUser(browser, { role: "member", password, prefix: "disabled" });
  await acceptInvitation(page, link, "Dee Abled", password);
  await expect(page).toHaveURL(/\/school$/);

  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, OPERATOR);
  await opsPage.goto("/ops");
  const access = opsPage.getByRole("form", { name: `Access for ${email}` });
  await access.getByRole("button", { name: "Disable" }).click();
  await expect(access.getByRole("status")).toContainText("Disabled");
  await ops.close();

  await page.goto("/school/leads");
  await expect(page).toHaveURL(/\/login/);
  await signInWithPassword(page, email, password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match an active account");
});
