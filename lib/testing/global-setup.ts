import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrateDb, openDb } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data folder, dumped to a file; each test file's PGlite starts from it. */
    pgliteTemplate: string;
  }
}

/**
 * Migrates the databases once for the whole run, so test files start from a copy instead of
 * migrating their own:
 * - PGlite: a migrated data folder is dumped to a file; starting from it takes about a quarter of
 *   the time of a fresh start, which runs initdb inside WebAssembly (see `testDatabases`). In
 *   watch mode it is made once: restart vitest after adding a migration;
 * - Postgres: the test database is migrated, and each test file clones it as a template, so files
 *   run in parallel without seeing each other's rows.
 */
export default async function globalSetup(project: TestProject) {
  const template = path.join(os.tmpdir(), `pglite-template-${randomBytes(6).toString("hex")}.tar`);
  const pglite = await openDb({ dataDir: "memory://" });
  try {
    await migrateDb(pglite);
    const client = (pglite.db as unknown as { $client: PGlite }).$client;
    await writeFile(template, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  project.provide("pgliteTemplate", template);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) console.warn("TEST_DATABASE_URL is not set: integration tests run on PGlite only.");
  else {
    const handle = await openDb({ url, max: 1 });
    try {
      await migrateDb(handle, { url });
    } finally {
      await handle.close();
    }
  }
  return () => rm(template, { force: true });
}
