import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["lib/testing/global-setup.ts"],
    // next-auth's ESM imports "next/server" without an extension, which Node alone cannot resolve;
    // run through Vite's resolver, proxy.ts (which builds on it) can be imported by a test.
    server: { deps: { inline: ["next-auth"] } },
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where the
    // integration tests spend much of their time waiting on the databases. Two cut the run from
    // about 285 s to 180 s there; a larger machine keeps the default.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
