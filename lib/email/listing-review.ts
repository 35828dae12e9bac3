const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** To a school's admins: a listing (or an edit to one) was sent back, and why. Plain markup every client shows. */
export function listingRejectedEmail(input: { programTitle: string; schoolName: string; note: string; wasEdit: boolean; portalUrl: string }) {
  const what = input.wasEdit ? `Your edit to the listing “${input.programTitle}”` : `Your listing “${input.programTitle}”`;
  const outcome = input.wasEdit ? "was not published; the live listing is unchanged." : "was not published and is back in draft.";
  return {
    subject: `Changes needed: ${input.programTitle}`,
    text: `${what} for ${input.schoolName} ${outcome}\n\nWhat needs to change:\n${input.note}\n\nEdit it and send it for review again in the school portal:\n${input.portalUrl}`,
    html: `<p>${escape(what)} for ${escape(input.schoolName)} ${outcome}</p><p><strong>What needs to change:</strong></p><blockquote>${escape(input.note).replace(/\n/g, "<br>")}</blockquote><p><a href="${escape(input.portalUrl)}">Open the school portal</a></p>`,
  };
}
