import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { env } from "@/lib/env";

/** The one database type the app codes against: PGlite and postgres-js both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, usable wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
/** Serialises migrate-and-seed between processes that share one Postgres. */
const MIGRATION_LOCK_ID = 727_071;

export type OpenOptions = {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throwaway database. */
  dataDir?: string;
  /** PGlite only: start from this dumped data folder (`dumpDataDir()`), skipping initdb. */
  loadDataDir?: Blob;
  /** Connections in the postgres-js pool. */
  max?: number;
  /** Server-side limit on one statement, in ms (the app's pool sets one; scripts and benches do not). */
  statementTimeoutMs?: number;
};

export function defaultPgliteDir(): string {
  return env().PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

/** Opens a connection without migrating. Most callers want `getDb()`. */
export async function openDb(options: OpenOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? env().DATABASE_POOL_MAX,
      // When the database is out of reach, a request fails in seconds (and the page says so) rather
      // than waiting out the driver's 30 s default; a dropped connection is replaced on next use.
      connect_timeout: env().DATABASE_CONNECT_TIMEOUT,
      // After failed connects the driver waits before trying again, by default up to 20 s, and
      // queries wait with it: a page then hangs through an outage and the app stays down for up to
      // 20 s after the database is back. Wait at most a second (pools are small; no storm).
      backoff: (retries: number) => Math.min(0.1 * retries, 1),
      // Idle connections are closed after a minute, so a quiet instance holds few of a managed
      // database's connection slots, and a connection cut while idle is not reused.
      idle_timeout: 60,
      ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
      onnotice: () => {},
      // Leads are personal data: never let the driver print query parameters.
      debug: false,
    });
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.dataDir ?? defaultPgliteDir();
  if (!dataDir.startsWith("memory://")) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  return {
    db: drizzle({ client, schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

/**
 * Applies every committed migration, then runs `andThen` (the first start's seed). On Postgres, an
 * advisory lock held across both keeps servers that start together apart: one migrates and seeds,
 * the others wait and then find the work done.
 */
export async function migrateDb(handle: DbHandle, options: { url?: string; andThen?: () => Promise<void> } = {}): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await options.andThen?.();
    return;
  }
  const url = options.url ?? env().DATABASE_URL;
  if (!url) throw new Error("migrateDb: a postgres handle needs its URL");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    await options.andThen?.();
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/** True when the database holds no content yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.occupations);
  return (row?.n ?? 0) === 0;
}

type Global = typeof globalThis & { __schoolLeadsDb?: Promise<DbHandle> };

/**
 * The process's one database, opened on first use (never at import time, so `next build` does not
 * open PGlite), migrated, and seeded with demo content when empty. Kept on globalThis so hot reload
 * does not open a second PGlite on the same folder.
 */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as Global;
  g.__schoolLeadsDb ??= (async () => {
    const url = env().DATABASE_URL;
    const handle = await openDb({ url, statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS });
    await migrateDb(handle, {
      url,
      andThen: async () => {
        if (env().SEED_ON_EMPTY && (await isEmpty(handle.db))) {
          const { seed } = await import("./seed");
          await seed(handle.db);
        }
      },
    });
    return handle;
  })().catch((error: unknown) => {
    // Let the next request try again (the database may come back).
    delete (globalThis as Global).__schoolLeadsDb;
    throw error;
  });
  return g.__schoolLeadsDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
