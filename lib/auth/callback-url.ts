/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
export function safeCallbackUrl(value: unknown, fallback = "/school"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value.slice(0, 500);
}
