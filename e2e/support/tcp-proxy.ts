import { createServer, connect, type Socket } from "node:net";

/**
 * A TCP relay that can lose its upstream: between the app and Postgres it plays the database going
 * away without touching the shared server. `down()` cuts every open connection and turns new ones
 * away at once (as a restarting or failing-over database does); `up()` relays again.
 */
export async function startTcpProxy(options: { port: number; target: { host: string; port: number } }) {
  let down = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(options.target.port, options.target.host);
    open.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    url: (databaseUrl: string) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(options.port);
      return u.toString();
    },
    down() {
      down = true;
      for (const s of open) s.destroy();
      open.clear();
    },
    up() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
