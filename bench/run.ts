/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn and
 * writes one Markdown report, bench/REPORT.md, with the machine it ran on.
 * Each bench module exports `default async function run(): Promise<string>` (a Markdown section).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The machine's CPU counters (jiffies since boot), or null off Linux. */
function cpuTimes(): { steal: number; total: number } | null {
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** A fixed piece of CPU work, timed: figures from runs on a slower or busier machine read in its light. */
function speedCheck(): number {
  const started = performance.now();
  const block = Buffer.alloc(1 << 20, 7);
  for (let i = 0; i < 256; i++) createHash("sha256").update(block).digest();
  return performance.now() - started;
}

async function main() {
  const before = cpuTimes();
  const speed = speedCheck();
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
    `- speed check at the start: SHA-256 of 256 MiB in ${speed.toFixed(0)} ms (one core; lower is faster)`,
  ];
  const after = cpuTimes();
  if (before && after && after.total > before.total) {
    // A virtual machine's cores are shared with other guests: time the host gave to them is "steal".
    const stolen = (100 * (after.steal - before.steal)) / (after.total - before.total);
    machine.push(`- CPU time taken by the host for other guests (steal) during the run: ${stolen.toFixed(1)} %`);
  }
  const machineText = machine.join("\n");
  const report = `# Benchmark report\n\nMachine:\n\n${machineText}\n\n${sections.join("\n\n")}\n`;
  const out = wanted.length === 0 ? "REPORT.md" : `REPORT-${wanted.join("-")}.md`;
  await writeFile(path.join(dir, out), report);
  console.log(`bench: wrote bench/${out}`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
