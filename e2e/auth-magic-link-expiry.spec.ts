import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { emailsContaining } from "./support/leads";
import { ADMIN_B } from "./support/portal";

/*
 * A sign-in link lasts ten minutes. The link is asked for and emailed for real; its token's expiry is
 * checked in the database (ten minutes from now), then moved ten minutes back, as if the email had
 * been opened ten minutes later. Reading the database needs Postgres (DATABASE_URL), as CI has.
 */

test.skip(!process.env.DATABASE_URL, "needs Postgres: set DATABASE_URL");

test("a sign-in link opened after ten minutes is refused with a clear message", async ({ page }) => {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const before = (await emailsContaining(ADMIN_B)).filter((e) => e.payload.subject.includes("sign-in link")).length;
    await page.goto("/login");
    const form = page.getByRole("form", { name: "Email me a sign-in link" });
    await form.getByLabel("Email").fill(ADMIN_B);
    await form.getByRole("button", { name: "Send sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    let link = "";
    await expect
      .poll(async () => {
        const sent = (await emailsContaining(ADMIN_B)).filter((e) => e.payload.subject.includes("sign-in link")).sort((x, y) => x.receivedAt - y.receivedAt);
        link = /https?:\/\/\S+\/api\/auth\/callback\/email\S*/.exec(sent.at(-1)?.payload.text ?? "")?.[0] ?? "";
        return sent.length;
      }, { timeout: 30_000 })
      .toBe(before + 1);

    const [token] = await sql<{ minutes: number }[]>`
      select extract(epoch from max(expires) - now()) / 60 as minutes from verification_tokens where identifier = ${ADMIN_B}`;
    expect(Number(token?.minutes)).toBeGreaterThan(9);
    expect(Number(token?.minutes)).toBeLessThanOrEqual(10);
    await sql`update verification_tokens set expires = expires - interval '10 minutes' where identifier = ${ADMIN_B}`;

    await page.goto(link);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("That sign-in link has expired or was already used. Ask for a new one below.");
    await page.goto("/school");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await sql.end();
  }
});
