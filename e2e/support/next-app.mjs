// Starts `next start` from the existing build (.next) as a child process, for the cluster mode of the
// e2e server and for the fault specs, which kill and restart servers of their own.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * `next start -p port` (no npx or shell in between: the child is the server itself, so a SIGKILL
 * really kills it). `output`: "inherit" to show the server's log, "ignore" to drop it. `log`: a
 * writable stream that also gets everything the server prints (with "inherit").
 */
export function startNextApp({ port, env, output = "inherit", log }) {
  const tee = output === "inherit" && log;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", tee ? "pipe" : output, tee ? "pipe" : output],
  });
  if (tee) {
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      log.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      log.write(chunk);
    });
  }
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    port,
    url: `http://localhost:${port}`,
    exited,
    /** Resolves once /api/health answers 200 (database migrated, seeded and answering). */
    ready: (timeoutMs = 120_000) => waitHealthy(`http://127.0.0.1:${port}`, timeoutMs, exited),
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function waitHealthy(origin, timeoutMs = 120_000, exited) {
  let gone = false;
  void exited?.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server at ${origin} exited before it was ready`);
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${origin} was not ready within ${timeoutMs} ms`);
}
