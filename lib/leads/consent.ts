/**
 * The consent disclosure shown beside the Request Info checkbox. The browser shows it and the server
 * stores it, both from this one function, so what is stored is exactly what was shown. Changing the
 * wording means a new version.
 */
export const CONSENT_TEXT_VERSION = "2026-01-tcpa-v1";

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function consentText(schoolNames: readonly string[]): string {
  const who = joinNames(schoolNames);
  const plural = schoolNames.length > 1;
  return (
    `By ticking this box I agree that ${who} and ${plural ? "their representatives" : "its representatives"} may contact me ` +
    `about ${plural ? "their" : "its"} programs by email, and by phone call or text message at the phone number I gave, ` +
    `including calls and texts made with automated technology or prerecorded or artificial voices. ` +
    `Message and data rates may apply. Agreeing is not a condition of enrolling or buying anything, ` +
    `and I can withdraw this consent at any time with the link in my confirmation email.`
  );
}

/** The schools a consent text names, as the form reports them back: "40,12" in the order named. */
export const consentKey = (schoolIds: readonly number[]) => schoolIds.join(",");
