// Next's cache handler (next.config.mjs `cacheHandler`): Next's own file-system cache, plus tag
// invalidation shared through Postgres. Next keeps revalidated tags in each process's memory, so with
// several app servers an `updateTag("directory")` in one left the others serving the old directory
// until their entries aged out. Here each revalidation is also recorded in `cache_tag_revalidations`
// and announced with NOTIFY; every server keeps the table in memory (read on connecting, then kept
// current by LISTEN), and a cached read or page whose tags were revalidated after it was stored is a
// miss on every server. A cache hit costs no database round trip.
// With PGlite (one process) there is nothing to share and the handler is Next's own.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const CHANNEL = "cache_tag_revalidated";

let sql;
/** A small pool of its own, opened on first use (never at build time). */
async function database() {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return null;
  if (!sql) {
    const { default: postgres } = await import("postgres");
    sql = postgres(url, { max: 2, connect_timeout: 2, idle_timeout: 60, onnotice: () => {} });
  }
  return sql;
}

/** When each tag was last revalidated (ms since the epoch), as far as this server knows. */
const revalidated = new Map();
function note(tag, at) {
  if (typeof tag === "string" && Number.isFinite(at) && !(revalidated.get(tag) >= at)) revalidated.set(tag, at);
}
async function readTable(db) {
  for (const row of await db`select tag, revalidated_at from cache_tag_revalidations`) note(row.tag, row.revalidated_at.getTime());
}

function announced(payload) {
  try {
    const { tag, at } = JSON.parse(payload);
    note(tag, at);
  } catch {
    // not a payload of ours
  }
}

let listening;
let loaded = false;
let loading;
/** Reads the table once at a time: the cache hits that arrive before it is read all wait on one read. */
function load(db) {
  loading = readTable(db).then(
    () => {
      loaded = true;
      loading = undefined;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
/**
 * The revalidation times, once this server listens for new ones; null while the database is out of
 * reach (the next call tries again). The table is read again whenever the listener (re)connects,
 * so nothing announced while it was away is missed.
 */
async function revalidations() {
  const db = await database();
  if (!db) return null;
  listening ??= db
    .listen(CHANNEL, announced, () => load(db).catch(() => {}))
    .then(
      () => true,
      () => false,
    );
  if (!(await listening)) {
    listening = undefined;
    return null;
  }
  if (!loaded) await (loading ?? load(db));
  return revalidated;
}

/** Pages from the page cache (the directory's, the career profiles') carry their data's tags in a header. */
const PAGE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

/** The tags a cached entry depends on: a data read's from its context, a page's from its header. */
function entryTags(data, ctx) {
  if (ctx?.kind === "FETCH") return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
  const header = PAGE_KINDS.has(data.value?.kind) ? data.value.headers?.["x-next-cache-tags"] : undefined;
  return typeof header === "string" && header !== "" ? header.split(",") : [];
}

export default class SharedTagCache extends FileSystemCache {
  async get(key, ctx) {
    const data = await super.get(key, ctx);
    if (!data) return data;
    // A page rendered before another server revalidated one of its tags is a miss here too: without
    // this, that server's own memory of revalidated tags was the only check a cached page got.
    const tags = entryTags(data, ctx);
    if (tags.length === 0) return data;
    // The database away (or not migrated yet): a cached entry is the best answer there is.
    const known = await revalidations().catch(() => null);
    if (!known) return data;
    const stored = data.lastModified ?? 0;
    return tags.some((tag) => (known.get(tag) ?? 0) > stored) ? null : data;
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = (Array.isArray(tags) ? tags : [tags]).filter((t) => typeof t === "string");
    const db = await database();
    if (!db || list.length === 0) return;
    try {
      const rows = await db`with saved as (
          insert into cache_tag_revalidations (tag, revalidated_at) select unnest(${list}::text[]), now()
          on conflict (tag) do update set revalidated_at = excluded.revalidated_at
          returning tag, revalidated_at
        )
        select tag, revalidated_at,
          pg_notify(${CHANNEL}, json_build_object('tag', tag, 'at', extract(epoch from revalidated_at) * 1000)::text)
        from saved`;
      for (const row of rows) note(row.tag, row.revalidated_at.getTime());
    } catch (error) {
      console.error("cache: could not share a tag revalidation:", error instanceof Error ? error.message : "unknown error");
    }
  }
}
