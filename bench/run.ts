/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn and
 * writes one Markdown report, bench/REPORT.md, with the machine it ran on.
 * Each bench module exports `default async function run(): Promise<string>` (a Markdown section).
 */
import { readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

async function main() {
  const dir = path.join(process.cwd(), "bench");
  const wanted = process.argv.slice(2);
  const files = (await readdir(dir))
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  const sections: string[] = [];
  let failed = false;
  for (const file of files) {
    const started = Date.now();
    console.log(`bench: ${file} ...`);
    try {
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<string> };
      const section = await mod.default();
      sections.push(`${section.trim()}\n\n_${file}: ${((Date.now() - started) / 1000).toFixed(0)} s._`);
      console.log(section);
    } catch (error) {
      failed = true;
      console.error(`bench: ${file} failed`, error);
      sections.push(`## ${file}\n\nFailed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const cpus = os.cpus();
  const machine = [
    `- date: ${new Date().toISOString()}`,
    `- CPU: ${cpus.length} × ${cpus[0]?.model ?? "unknown"}`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node: ${process.version}`,
  ].join("\n");
  const report = `# Benchmark report\n\nMachine:\n\n${machine}\n\n${sections.join("\n\n")}\n`;
  const out = wanted.length === 0 ? "REPORT.md" : `REPORT-${wanted.join("-")}.md`;
  await writeFile(path.join(dir, out), report);
  console.log(`bench: wrote bench/${out}`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
