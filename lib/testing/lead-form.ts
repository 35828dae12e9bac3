import { randomUUID } from "node:crypto";
import { issueFormToken } from "@/lib/leads/signing";

let phoneSeq = 2000;
/** A valid Request Info submission by a new person (unique email and phone) for a program. */
export function validForm(programId: number, overrides: Record<string, unknown> = {}) {
  const n = phoneSeq++;
  return {
    firstName: "Ana",
    lastName: "O'Neil",
    email: `ana.${randomUUID().slice(0, 8)}@example.com`,
    phone: `(213) 44${String(n).padStart(1, "0").slice(-1)}-${String(n).padStart(4, "0").slice(-4)}`,
    zip: "91402",
    educationLevel: "high_school",
    desiredStart: "1_3_months",
    programId: String(programId),
    consent: "on",
    alsoProgramIds: [],
    idempotencyKey: randomUUID(),
    formToken: issueFormToken(Date.now() - 10_000),
    website: "",
    attribution: { utm_source: "newsletter", landing_page: "/careers/x" },
    ...overrides,
  };
}
