import "server-only";
import { toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import ConsentWithdrawn, { type ConsentWithdrawnProps } from "@/emails/consent-withdrawn";
import LeadNotification, { type LeadNotificationProps } from "@/emails/lead-notification";
import RecipientConfirmation, { type RecipientConfirmationProps } from "@/emails/recipient-confirmation";
import StudentConfirmation, { type StudentConfirmationProps } from "@/emails/student-confirmation";
import { siteOrigin } from "@/lib/env";

export type RenderedEmail = { subject: string; html: string; text: string };

/** The doctype react-email's `render` puts before an email (the XHTML one mail clients expect). */
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

let reactDomServer: Promise<typeof import("react-dom/server")> | undefined;

/**
 * The HTML and the plain text of one email from one render: the text is converted from the HTML, as
 * `render(element, { plainText: true })` would after a second render of its own. The render is
 * React's synchronous one, where react-email's `render` streams: our emails hold no Suspense or
 * async component, and a stream takes several turns of the event loop, each of which, under load,
 * waits behind every other request (a Request Info submission renders its emails while the student
 * waits). `react-dom/server` is loaded once, on first use, as react-email loads it.
 */
async function both(element: ReactElement, subject: string): Promise<RenderedEmail> {
  const { renderToStaticMarkup } = await (reactDomServer ??= import("react-dom/server"));
  const html = `${DOCTYPE}${renderToStaticMarkup(element)}`;
  return { subject, html, text: toPlainText(html) };
}

export const renderLeadNotification = (p: LeadNotificationProps) =>
  both(<LeadNotification {...p} />, `New lead: ${p.programTitle}${p.campusName ? ` (${p.campusName})` : ""}`);

export const renderStudentConfirmation = (p: StudentConfirmationProps) =>
  both(<StudentConfirmation {...p} />, "Your request for program information");

export const renderConsentWithdrawn = (p: ConsentWithdrawnProps) =>
  both(<ConsentWithdrawn {...p} />, `Consent withdrawn: ${p.programTitle}`);

export const renderRecipientConfirmation = (p: RecipientConfirmationProps) =>
  both(<RecipientConfirmation {...p} />, `Confirm: student requests for ${p.schoolName}`);

/** An absolute URL on this site, for links in emails. */
export function siteUrl(path: string): string {
  return `${siteOrigin()}${path}`;
}

/** "2026-01-20 17:04" in UTC. */
export function utcStamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}
