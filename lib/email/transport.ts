import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";

/**
 * Where an outbox email goes: Resend when RESEND_API_KEY is set (RESEND_BASE_URL points the SDK at
 * another server, as the tests do), else the local mailbox, which is the outbox table itself, read by
 * operators. Nothing is dropped either way.
 */
export type SendRequest = { to: string[]; subject: string; html: string; text: string; idempotencyKey: string };

export type SendOutcome =
  | { ok: true; transport: "resend" | "local"; providerMessageId: string | null }
  | { ok: false; transport: "resend"; retryable: boolean; error: string; retryAfterSeconds?: number };

export type Transport = { name: "resend" | "local"; send: (email: SendRequest) => Promise<SendOutcome> };

export const localTransport: Transport = {
  name: "local",
  send: async () => ({ ok: true, transport: "local", providerMessageId: null }),
};

export function emailFrom(): string {
  return env().EMAIL_FROM;
}

/** Resend: 429, 5xx and network failures are worth a retry; other 4xx are not (the request itself is wrong). */
export function resendTransport(apiKey: string, timeoutMs = env().EMAIL_SEND_TIMEOUT_MS): Transport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      try {
        const { data, error, headers } = await client.emails.send(
          { from: emailFrom(), to: email.to, subject: email.subject, html: email.html, text: email.text },
          { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
        if (data && !error) return { ok: true, transport: "resend", providerMessageId: data.id };
        const status = typeof error?.statusCode === "number" ? error.statusCode : null;
        const retryAfter = Number(headers?.["retry-after"]);
        return {
          ok: false,
          transport: "resend",
          retryable: status === null || status === 429 || status >= 500,
          error: `${status ?? "network"}: ${error?.message ?? "no response"}`.slice(0, 500),
          retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        };
      } catch (e) {
        // A timeout while reading the body can surface as a throw; it is a network failure.
        return { ok: false, transport: "resend", retryable: true, error: `network: ${e instanceof Error ? e.message : "failed"}`.slice(0, 500) };
      }
    },
  };
}

type Global = typeof globalThis & { __schoolLeadsTransport?: Transport };

export function getTransport(): Transport {
  const g = globalThis as Global;
  const key = env().RESEND_API_KEY;
  g.__schoolLeadsTransport ??= key ? resendTransport(key) : localTransport;
  return g.__schoolLeadsTransport;
}
