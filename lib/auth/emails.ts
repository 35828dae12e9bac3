/** The sign-in email. Plain markup that every mail client shows; the link is the whole message. */
export function magicLinkEmail(url: string, minutes: number) {
  const safe = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return {
    subject: "Your sign-in link for CareerPath Schools",
    text: `Sign in to CareerPath Schools:\n\n${url}\n\nThe link works once, for ${minutes} minutes. If you did not ask for it, ignore this email.`,
    html: `<p>Sign in to CareerPath Schools:</p><p><a href="${safe}">Sign in</a></p><p>The link works once, for ${minutes} minutes. If you did not ask for it, ignore this email.</p>`,
  };
}

export function invitationEmail(input: { url: string; schoolName: string; role: string; hours: number }) {
  const safeUrl = input.url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const safeSchool = input.schoolName.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return {
    subject: `You are invited to manage ${input.schoolName} on CareerPath Schools`,
    text: `You have been invited to join ${input.schoolName} on CareerPath Schools as ${input.role}.\n\nAccept the invitation:\n${input.url}\n\nThe link works once and expires in ${input.hours} hours.`,
    html: `<p>You have been invited to join ${safeSchool} on CareerPath Schools as ${input.role}.</p><p><a href="${safeUrl}">Accept the invitation</a></p><p>The link works once and expires in ${input.hours} hours.</p>`,
  };
}
