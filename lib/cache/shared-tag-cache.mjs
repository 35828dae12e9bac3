// Next's cache handler (next.config.mjs `cacheHandler`): Next's own file-system cache, plus tag
// invalidation shared through Postgres. Next keeps revalidated tags in each process's memory, so with
// several app servers an `updateTag("directory")` in one left the others serving the old directory
// until their entries aged out. Here each revalidation is also recorded in `cache_tag_revalidations`,
// and a cached read or page whose tags were revalidated after it was stored is a miss on every server.
// With PGlite (one process) there is nothing to share and the handler is Next's own.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

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
    try {
      const db = await database();
      if (!db) return data;
      const [newer] = await db`select 1 from cache_tag_revalidations where tag = any(${tags}) and revalidated_at > ${new Date(data.lastModified ?? 0)} limit 1`;
      return newer ? null : data;
    } catch {
      // The database is away (or not migrated yet): a cached read is the best answer there is.
      return data;
    }
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = (Array.isArray(tags) ? tags : [tags]).filter((t) => typeof t === "string");
    const db = await database();
    if (!db || list.length === 0) return;
    try {
      await db`insert into cache_tag_revalidations (tag, revalidated_at) select unnest(${list}::text[]), now()
        on conflict (tag) do update set revalidated_at = excluded.revalidated_at`;
    } catch (error) {
      console.error("cache: could not share a tag revalidation:", error instanceof Error ? error.message : "unknown error");
    }
  }
}
