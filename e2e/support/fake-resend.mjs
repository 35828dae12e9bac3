// A stand-in for the Resend API, for tests and benchmarks: POST /emails answers like Resend (an id;
// the same Idempotency-Key gives the same id and stores one email). Control endpoints make it fail,
// stall or rate-limit, for all requests or only those whose body contains a given string.
//   node e2e/support/fake-resend.mjs            (port FAKE_RESEND_PORT, default 3490)
//   GET  /_control/emails?contains=text         emails received (one per idempotency key)
//   POST /_control/rules {mode, match?, times?, retryAfter?}   mode: fail | stall | ratelimit | reject
//   POST /_control/reset
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";

export function startFakeResend({ port = 0, host = "127.0.0.1" } = {}) {
  /** @type {Map<string, {id: string, key: string, receivedAt: number, attempts: number, payload: any}>} */
  const byKey = new Map();
  const emails = [];
  let rules = [];
  let requests = 0;
  const stalled = new Set();

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const readBody = (req) =>
    new Promise((resolve) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readBody(req);
    if (req.method === "POST" && url.pathname === "/emails") {
      requests++;
      if (!String(req.headers.authorization ?? "").startsWith("Bearer ")) {
        return send(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
      }
      const rule = rules.find((r) => r.times !== 0 && (!r.match || body.includes(r.match)));
      if (rule) {
        if (rule.times > 0) rule.times--;
        if (rule.mode === "stall") {
          stalled.add(res);
          res.on("close", () => stalled.delete(res));
          return; // never answers; the client times out
        }
        if (rule.mode === "ratelimit") {
          return send(res, 429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, { "retry-after": String(rule.retryAfter ?? 1) });
        }
        if (rule.mode === "reject") {
          return send(res, 422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field" });
        }
        return send(res, 500, { statusCode: 500, name: "internal_server_error", message: "Fake outage" });
      }
      let payload;
      try {
        payload = JSON.parse(body);
      } catch {
        return send(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON" });
      }
      const key = String(req.headers["idempotency-key"] ?? randomUUID());
      const existing = byKey.get(key);
      if (existing) {
        existing.attempts++;
        return send(res, 200, { id: existing.id });
      }
      const email = { id: randomUUID(), key, receivedAt: Date.now(), attempts: 1, payload };
      byKey.set(key, email);
      emails.push(email);
      return send(res, 200, { id: email.id });
    }
    if (req.method === "GET" && url.pathname === "/_control/emails") {
      const contains = url.searchParams.get("contains");
      const list = contains ? emails.filter((e) => JSON.stringify(e.payload).includes(contains)) : emails;
      return send(res, 200, { requests, emails: list });
    }
    if (req.method === "POST" && url.pathname === "/_control/rules") {
      const rule = JSON.parse(body || "{}");
      rules.push({ mode: rule.mode ?? "fail", match: rule.match, times: rule.times ?? -1, retryAfter: rule.retryAfter });
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/_control/clear-rules") {
      rules = [];
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/_control/reset") {
      rules = [];
      byKey.clear();
      emails.length = 0;
      requests = 0;
      return send(res, 200, { ok: true });
    }
    if (req.method === "GET" && url.pathname === "/_control/health") return send(res, 200, { ok: true });
    return send(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
  });

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        emails,
        clearRules: () => (rules = []),
        addRule: (rule) => rules.push({ mode: rule.mode ?? "fail", match: rule.match, times: rule.times ?? -1, retryAfter: rule.retryAfter }),
        requests: () => requests,
        close: () =>
          new Promise((done) => {
            for (const res of stalled) res.destroy();
            server.closeAllConnections?.();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.FAKE_RESEND_PORT ?? 3490);
  startFakeResend({ port }).then((fake) => console.log(`fake resend listening on ${fake.url}`));
}
