export type FakeEmail = {
  id: string;
  key: string;
  receivedAt: number;
  attempts: number;
  payload: { from: string; to: string[]; subject: string; html: string; text: string };
};
export type FakeRule = { mode?: "fail" | "stall" | "ratelimit" | "reject"; match?: string; times?: number; retryAfter?: number };
export type FakeResend = {
  url: string;
  emails: FakeEmail[];
  addRule: (rule: FakeRule) => void;
  clearRules: () => void;
  requests: () => number;
  close: () => Promise<void>;
};
export function startFakeResend(options?: { port?: number; host?: string }): Promise<FakeResend>;
