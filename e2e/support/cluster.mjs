// E2E_CLUSTER=N: the app as N `next start` processes from one build on one Postgres, behind a
// round-robin HTTP proxy on the e2e port, so consecutive requests (even on one keep-alive
// connection) land on different servers. The proxy appends the client's address to
// X-Forwarded-For as a load balancer does, so the servers trust one more hop.
import { randomBytes } from "node:crypto";
import { Agent, createServer, request } from "node:http";
import { startNextApp } from "./next-app.mjs";

export async function startCluster({ port, size, env, log }) {
  if (!env.DATABASE_URL) throw new Error("E2E_CLUSTER needs DATABASE_URL: PGlite allows one process per data folder");
  const shared = {
    ...env,
    // Both must decrypt what the other encrypted (closed-over server action arguments). One build
    // already shares its key; a deployment built more than once needs this set explicitly.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    TRUSTED_PROXY_HOPS: String(Number(env.TRUSTED_PROXY_HOPS ?? 0) + 1),
    // Auth.js builds its redirects (sign-in, magic links) from the public origin, not from the port
    // the instance listens on behind the proxy.
    AUTH_URL: env.AUTH_URL ?? `http://localhost:${port}`,
  };
  // Started together on purpose: migrations and the first seed must serialise on their own.
  const apps = Array.from({ length: size }, (_, i) => startNextApp({ port: Number(port) + 1 + i, env: shared, log }));
  await Promise.all(apps.map((a) => a.ready(300_000)));
  const proxy = await startRoundRobinProxy({ port: Number(port), backends: apps.map((a) => a.port) });
  console.log(`cluster: proxy on ${port} -> ${apps.map((a) => a.port).join(", ")}`);
  return {
    apps,
    proxy,
    stop: async (signal = "SIGTERM") => {
      await proxy.close();
      await Promise.all(apps.map((a) => a.kill(signal)));
    },
  };
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"]);

/** Listens on every interface, as `next start` does (the browser may reach "localhost" over ::1). */
export function startRoundRobinProxy({ port, backends }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((req, res) => {
    const backend = backends[next++ % backends.length];
    const client = req.socket.remoteAddress ?? "unknown";
    const forwarded = req.headers["x-forwarded-for"];
    const headers = { ...req.headers, "x-forwarded-for": forwarded ? `${forwarded}, ${client}` : client };
    const upstream = request({ host: "127.0.0.1", port: backend, method: req.method, path: req.url, headers, agent }, (answer) => {
      // Hop-by-hop headers describe the upstream connection, not this one.
      const raw = answer.rawHeaders;
      const out = [];
      for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
      else res.destroy();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(port, () =>
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            agent.destroy();
            server.close(() => done(undefined));
          }),
      }),
    );
  });
}
