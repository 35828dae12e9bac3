/**
 * Starts the in-app delivery timer when the Node server starts (not during `next build`), so emails
 * still queued from before a restart, and retries as they fall due, go out without waiting for the
 * next form submission.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureDeliveryTimer } = await import("./lib/delivery/in-app");
  ensureDeliveryTimer();
}
