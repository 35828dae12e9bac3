import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { inject } from "vitest";
import { openDb, type Db, type DbHandle } from "@/db/client";

export type TestDb = { name: "pglite" | "postgres"; open: () => Promise<DbHandle> };

/** A fresh in-memory PGlite, migrated: a copy of the one the global setup migrated and dumped. */
async function openPglite(): Promise<DbHandle> {
  const path = inject("pgliteTemplate");
  if (!path) throw new Error("No PGlite template: run the tests through vitest.config.ts, whose global setup makes one.");
  const template = new Blob([await readFile(path)]);
  return openDb({ dataDir: "memory://", loadDataDir: template });
}

/** A fresh Postgres database cloned from the migrated test database; dropped on close. */
async function openPostgres(templateUrl: string): Promise<DbHandle> {
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres({ ...connectionOptions(template), database: "postgres", max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${templateName}"`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function connectionOptions(url: URL) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
  };
}

/** The databases every query-layer test runs on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDb[] {
  const list: TestDb[] = [{ name: "pglite", open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: "postgres", open: () => openPostgres(url) });
  return list;
}

export type Row = Record<string, unknown>;

/**
 * Runs hand-written SQL (text, or a `sql` template with parameters), the yardstick a query under
 * test is held to, and returns its rows the same way on PGlite (`{ rows }`) and postgres-js (an array).
 */
export async function queryRows(db: Db, text: string | SQL): Promise<Row[]> {
  const result = (await db.execute(typeof text === "string" ? sql.raw(text) : text)) as unknown;
  return Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);
}

export type { Db };
