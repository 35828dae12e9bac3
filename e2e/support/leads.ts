import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { FakeEmail, FakeRule } from "./fake-resend.mjs";

/** The fake email provider the app server sends through. */
const fakeUrl = () => process.env.E2E_FAKE_RESEND_URL ?? "http://127.0.0.1:3190";

export async function emailsContaining(text: string): Promise<FakeEmail[]> {
  const res = await fetch(`${fakeUrl()}/_control/emails?contains=${encodeURIComponent(text)}`);
  return ((await res.json()) as { emails: FakeEmail[] }).emails;
}

export async function addProviderRule(rule: FakeRule): Promise<void> {
  await fetch(`${fakeUrl()}/_control/rules`, { method: "POST", body: JSON.stringify(rule) });
}

/** `n` random lowercase letters: unique text that passes the name fields' rules (no digits). */
export const letters = (n: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String.fromCharCode(97 + (b % 26))).join("");

let counter = 0;
/** A student no other test uses: unique email, phone and client address. */
export function newStudent() {
  const id = randomUUID().slice(0, 8);
  const n = (Number.parseInt(id.slice(0, 6), 16) + counter++) % 10_000_000;
  const digits = String(n).padStart(7, "0");
  return {
    // Not a seeded student's name: the authorization matrix looks for those on the other school's pages.
    firstName: "Jamie",
    lastName: "Rivera-Smith",
    email: `jamie.${id}@example.com`,
    phone: `(818) ${String(200 + (n % 700)).padStart(3, "0")}-${digits.slice(-4)}`,
    zip: "91402",
    ip: `198.51.${n % 250}.${(n >> 8) % 250}`,
  };
}
export type Student = ReturnType<typeof newStudent>;

/** Every request from this page comes from the student's own address (the app trusts one proxy hop). */
export async function asStudent(page: Page, student: Student) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": student.ip });
}

export const VALLEY = "valley-allied-health-institute-medical-billing-and-coding";

/** Fills the Request Info form (inside `scope`, the page or a dialog) with a student's details. */
export async function fillLeadForm(scope: Page | ReturnType<Page["getByRole"]>, student: Student, options: { campus?: string } = {}) {
  await scope.getByLabel("First name", { exact: true }).fill(student.firstName);
  await scope.getByLabel("Last name", { exact: true }).fill(student.lastName);
  await scope.getByLabel("Email", { exact: true }).fill(student.email);
  await scope.getByLabel("Phone (US)", { exact: true }).fill(student.phone);
  await scope.getByLabel("ZIP code", { exact: true }).fill(student.zip);
  await scope.getByLabel("Highest education completed", { exact: true }).selectOption({ label: "High school diploma" });
  await scope.getByLabel("When would you like to start?", { exact: true }).selectOption({ label: "In 1 to 3 months" });
  if (options.campus) await scope.getByLabel("Campus", { exact: true }).selectOption({ label: options.campus });
  await scope.getByRole("checkbox", { name: /By ticking this box/ }).check();
}

export async function expectEmail(text: string, predicate: (e: FakeEmail) => boolean, count = 1) {
  await expect.poll(async () => (await emailsContaining(text)).filter(predicate).length, { timeout: 30_000 }).toBe(count);
  return (await emailsContaining(text)).filter(predicate);
}
