import "server-only";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { renderRecipientConfirmation, siteUrl } from "@/lib/email/render";
import { signLink, verifyLink } from "@/lib/leads/signing";

/*
 * A lead recipient's confirmation link: a random token (only its SHA-256 is stored, and cleared on
 * use, so the link works once) inside a signed envelope that expires. Resending makes a new token,
 * which retires the old link.
 */
export const RECIPIENT_LINK_TTL_HOURS = 72;
const PURPOSE = "lead-recipient";

export async function recipientConfirmation(input: { schoolName: string; campusName: string | null }) {
  const token = newToken();
  const path = `/lead-recipients/confirm/${signLink(PURPOSE, token, RECIPIENT_LINK_TTL_HOURS * 3600)}`;
  const email = await renderRecipientConfirmation({ ...input, confirmUrl: siteUrl(path), hours: RECIPIENT_LINK_TTL_HOURS });
  return { tokenHash: hashToken(token), email };
}

/** The stored hash a link stands for, or null when the link is forged or expired. */
export function tokenHashFromLink(link: string, now = Date.now()): string | null {
  if (link.length > 200) return null;
  const token = verifyLink(PURPOSE, link, now);
  return token ? hashToken(token) : null;
}
