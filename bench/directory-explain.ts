/**
 * EXPLAIN ANALYZE of the directory's statements for each bench filter combination, on the bench's
 * scale data (run the bench once first): `npx tsx bench/directory-explain.ts [combo name filter]`.
 */
import { register } from "node:module";
import { sql } from "drizzle-orm";

register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : n(s, c); }',
  )}`,
);

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/directory_bench";

async function main() {
  const { openDb } = await import("@/db/client");
  const { directoryStatements } = await import("@/db/queries/programs");
  const { directoryCombos } = await import("./directory.bench");
  const filter = process.argv[2]?.toLowerCase();
  const which = Number(process.env.EXPLAIN_I ?? 0);
  const handle = await openDb({ url: BENCH_URL, max: 1 });
  for (const combo of directoryCombos()) {
    if (filter && !combo.name.toLowerCase().includes(filter)) continue;
    const query = combo.make(which) as never as Parameters<typeof directoryStatements>[0];
    const statements = directoryStatements(query, handle.db);
    for (const [name, statement] of Object.entries(statements)) {
      const { sql: text, params } = statement.toSQL();
      const inline = text.replace(/\$(\d+)/g, (_, n: string) => {
        const v = params[Number(n) - 1];
        return typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
      });
      const plan = await handle.db.execute(sql.raw(`explain (analyze, buffers) ${inline}`));
      const lines = (plan as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]);
      console.log(`\n=== ${combo.name} (${name})\n${process.env.EXPLAIN_SQL ? inline + "\n" : ""}${lines.join("\n")}`);
    }
  }
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
