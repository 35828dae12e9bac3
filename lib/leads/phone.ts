import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** "+12135550123" as "(213) 555-0123". */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}
