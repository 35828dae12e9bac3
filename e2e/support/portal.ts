import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";
export const OPERATOR = "operator@careerpath.example";
export const ADMIN_A = "admin@pacific-crest.example";
export const MEMBER_A = "member@pacific-crest.example";
export const ADMIN_B = "admin@valley-allied.example";
/** A member of both schools (db/seed/users.ts). */
export const SHARED = "shared@careerpath.example";
export const SCHOOL_A = "Pacific Crest College";
export const SCHOOL_B = "Valley Allied Health Institute";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the portal or console has opened. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await signInWithPassword(page, email, password);
  await expect(page).toHaveURL(/\/(ops|school)/);
}

/** The first link in the newest email to `to`, read from the operator's mailbox (the local outbox). */
export async function readLinkFromMailbox(browser: Browser, to: string, subject: string | RegExp): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInWithPassword(page, OPERATOR);
    await expect(page).toHaveURL(/\/(ops|school)/);
    await page.goto("/ops/mailbox");
    const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
    await row.getByRole("link").click();
    const link = await page.getByRole("list", { name: "Links in this email" }).getByRole("link").first().getAttribute("href");
    if (!link) throw new Error(`no link in the email to ${to}`);
    return link;
  } finally {
    await context.close();
  }
}

/** A school user created the way real ones are: an admin of school A invites them, they accept. */
export async function invitedUser(browser: Browser, options: { role: "admin" | "member"; password?: string; prefix: string }) {
  const email = uniqueEmail(options.prefix);
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signInWithPassword(page, ADMIN_A);
  await expect(page).toHaveURL(/\/school$/);
  await page.goto("/school/people");
  const form = page.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption(options.role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await admin.close();
  const link = await readLinkFromMailbox(browser, email, /invited/);
  return { email, link };
}

export async function acceptInvitation(page: Page, link: string, name: string, password = "") {
  await page.goto(link);
  const form = page.getByRole("form", { name: "Accept invitation" });
  await form.getByLabel("Your name").fill(name);
  if (password) await form.getByLabel("Password (optional)").fill(password);
  await form.getByRole("button", { name: "Accept invitation" }).click();
}

export type NewProgram = {
  title: string;
  delivery: "Online" | "On campus";
  months: string;
  website: string;
  /** Campus checkboxes to tick (on-campus programs). */
  campuses?: string[];
  dailyCap?: string;
};

/**
 * A program in Health Informatics as a school user makes one in the portal (`page` is signed in to
 * the school, or an operator who opened its portal): a draft, then sent for review.
 */
export async function draftProgramForReview(page: Page, program: NewProgram) {
  await page.goto("/school/programs/new");
  const form = page.getByRole("form", { name: "New program" });
  await form.getByLabel("Program title").fill(program.title);
  await form.getByLabel("Program area").selectOption({ label: "Health Informatics" });
  await form.getByLabel("Credential").selectOption({ label: "Certificate" });
  await form.getByLabel("How it is taught").selectOption({ label: program.delivery });
  await form.getByLabel("Length in months").fill(program.months);
  await form.getByLabel("Program web page").fill(program.website);
  for (const campus of program.campuses ?? []) await form.getByRole("checkbox", { name: campus }).check();
  if (program.dailyCap) await form.getByLabel("Most leads per day").fill(program.dailyCap);
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: program.title })).toBeVisible();
  await page.getByRole("form", { name: "Send for review" }).getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Status: In review")).toBeVisible();
}

/** An operator (`page` signed in as one) approves a program waiting in the review queue. */
export async function approveProgram(page: Page, title: string) {
  await page.goto("/ops/review");
  await page.getByRole("article", { name: title }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);
}
