/**
 * Runs once when the Node server starts (not during `next build`, which has no secrets):
 * 1. checks the configuration (lib/env.ts). A production server without what it needs stops here,
 *    with a message naming each missing or malformed variable, instead of failing on a first request;
 * 2. starts the in-app delivery timer, so emails still queued from before a restart, and retries as
 *    they fall due, go out without waiting for the next form submission.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { enforceEnvAtStart } = await import("./lib/env");
  enforceEnvAtStart();
  const { ensureDeliveryTimer } = await import("./lib/delivery/in-app");
  ensureDeliveryTimer();
}
