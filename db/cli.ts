/* Command line for the database: `tsx db/cli.ts migrate|seed`. Uses DATABASE_URL, else PGlite. */
import { migrateDb, openDb } from "./client";
import { seed } from "./seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/users";
import { env } from "@/lib/env";

async function main() {
  const command = process.argv[2];
  const url = env().DATABASE_URL;
  const handle = await openDb({ url, max: 1 });
  const where = url ? "Postgres (DATABASE_URL)" : `PGlite (${env().PGLITE_DIR ?? ".data/pglite"})`;
  try {
    if (command === "migrate" || command === "seed") {
      await migrateDb(handle, { url });
      console.log(`Migrated ${where}.`);
    }
    if (command === "seed") {
      const summary = await seed(handle.db);
      console.log(`Seeded ${where}.`, summary ?? "");
      console.log(`\nDemo sign-ins (password "${DEMO_PASSWORD}", or a magic link by email) at /login:`);
      for (const a of DEMO_ACCOUNTS) {
        const what = a.role === "operator" ? "operator (the whole site)" : a.memberships.map((m) => `${m.role} of ${m.school}`).join(", ");
        console.log(`  ${a.email.padEnd(32)} ${what}`);
      }
    }
    if (command !== "migrate" && command !== "seed") {
      console.error("usage: tsx db/cli.ts migrate|seed");
      process.exitCode = 2;
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
