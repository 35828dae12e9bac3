import "server-only";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import ConsentWithdrawn, { type ConsentWithdrawnProps } from "@/emails/consent-withdrawn";
import LeadNotification, { type LeadNotificationProps } from "@/emails/lead-notification";
import RecipientConfirmation, { type RecipientConfirmationProps } from "@/emails/recipient-confirmation";
import StudentConfirmation, { type StudentConfirmationProps } from "@/emails/student-confirmation";
import { siteOrigin } from "@/lib/env";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * The HTML and the plain text of one email from one render: the text is converted from the HTML
 * (what `render(element, { plainText: true })` does after a second render of its own). A render
 * streams over several turns of the event loop, which under load each wait behind other requests.
 */
async function both(element: ReactElement, subject: string): Promise<RenderedEmail> {
  const html = await render(element);
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
