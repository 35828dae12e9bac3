import type { ChildProcess } from "node:child_process";

export type NextApp = {
  child: ChildProcess;
  port: number;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ready: (timeoutMs?: number) => Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};
export function startNextApp(options: { port: number; env: NodeJS.ProcessEnv; output?: "inherit" | "ignore" }): NextApp;
export function waitHealthy(origin: string, timeoutMs?: number, exited?: Promise<unknown>): Promise<void>;
