import { migrateDb, openDb } from "@/db/client";

/**
 * Migrates the Postgres test database once; each test file then clones it as a template
 * (see `testDatabases`), so files run in parallel without seeing each other's rows.
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.warn("TEST_DATABASE_URL is not set: integration tests run on PGlite only.");
    return;
  }
  const handle = await openDb({ url, max: 1 });
  try {
    await migrateDb(handle, { url });
  } finally {
    await handle.close();
  }
}
