import { rmSync } from "node:fs";
import path from "node:path";

/**
 * Pages Next rendered at run time (the directory's filter sets) are stored under
 * .next/server/route-cache, keyed by route and not by build, and `next build` leaves them there. A
 * bench that measures pages starts without them, so that it never serves a page an earlier build
 * rendered (with that build's markup and script names).
 */
export function clearRuntimePageCache() {
  rmSync(path.join(".next", "server", "route-cache"), { recursive: true, force: true });
}
