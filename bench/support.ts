import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";

/** What the benches share: their database, their statistics, and how each runs on its own. */

function adminConnection(url: URL) {
  return postgres({
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username) || "postgres",
    password: decodeURIComponent(url.password) || undefined,
    database: "postgres",
    max: 1,
    onnotice: () => {},
  });
}

/** Whether the database named in `url` exists on its server. */
export async function databaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const admin = adminConnection(target);
  try {
    const rows = await admin`select 1 from pg_database where datname = ${target.pathname.slice(1)}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

/** Drops (disconnecting whoever is in it) and creates the database named in `url`: a bench starts empty. */
export async function recreateDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = adminConnection(target);
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

/** The nearest-rank percentile `p` (0-100) of `values`, in any order; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Runs a bench module's `run` and prints its section when the file is run directly (`npx tsx bench/X.bench.ts`). */
export function runWhenMain(moduleUrl: string, run: () => Promise<string>) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  run().then(
    (report) => {
      console.log(report);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Pages Next rendered at run time (the directory's filter sets) are stored under
 * .next/server/route-cache, keyed by route and not by build, and `next build` leaves them there. A
 * bench that measures pages starts without them, so that it never serves a page an earlier build
 * rendered (with that build's markup and script names).
 */
export function clearRuntimePageCache() {
  rmSync(path.join(".next", "server", "route-cache"), { recursive: true, force: true });
}

/**
 * Stops a server started with `spawn(..., { detached: true })` and its children (its process group).
 * A server that has already exited is not an error: the failure that matters is the one that ended it.
 */
export function stopProcessGroup(child: { pid?: number } | null | undefined) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
