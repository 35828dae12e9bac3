import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { notFound } from "next/navigation";
import { getRequestInfoContext, getRequestSummary } from "@/db/queries/leads";
import { verifyLink } from "@/lib/leads/signing";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export default async function ThankYouPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const requestId = verifyLink("thank-you", token);
  const summary = requestId ? await getRequestSummary(requestId) : null;
  if (!summary || summary.scrubbedAt) notFound();
  const fresh = summary.leads.filter((l) => !l.duplicateOfId);
  const repeats = summary.leads.filter((l) => l.duplicateOfId);
  const asked = new Set(summary.leads.map((l) => l.schoolId));
  const first = summary.leads[0];
  const context = first ? await getRequestInfoContext({ slug: first.programSlug }) : null;
  const similar = (context?.suggestions ?? []).filter((s) => !asked.has(s.schoolId));

  return (
    <div className="container-page max-w-3xl py-10">
      <h1 className="text-2xl font-bold text-brand-800">
        {fresh.length > 0 ? `Thank you, ${summary.firstName}: your request is on its way` : `You have already asked, ${summary.firstName}`}
      </h1>
      {fresh.length > 0 ? (
        <section aria-labelledby="schools-heading" className="mt-6">
          <h2 id="schools-heading" className="text-lg font-semibold">
            Schools that will contact you
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {fresh.map((l) => (
              <li key={l.leadId}>
                <span className="font-medium">{l.schoolName}</span>: {l.programTitle}
                {l.campusName ? ` (${l.campusName} campus)` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {repeats.length > 0 ? (
        <section aria-labelledby="repeats-heading" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="repeats-heading" className="text-lg font-semibold">
            Already asked
          </h2>
          <ul className="mt-2 space-y-1">
            {repeats.map((l) => (
              <li key={l.leadId}>
                You already asked {l.schoolName}
                {l.duplicateSince ? ` on ${dateFmt.format(l.duplicateSince)}` : " recently"}. They have your details from then, so we have
                not sent them again.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="next-heading" className="mt-6">
        <h2 id="next-heading" className="text-lg font-semibold">
          What happens next
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          <li>We have sent you an email confirming your request, with a link to manage it.</li>
          <li>An admissions adviser from each school will usually call, text or email you within a day or two.</li>
          <li>Ask them about costs, financial aid, schedules, accreditation and start dates. You are under no obligation.</li>
          <li>Changed your mind? The link in your email lets you withdraw your consent or delete your details at any time.</li>
        </ol>
      </section>
      {similar.length > 0 ? (
        <section aria-labelledby="similar-heading" className="mt-8">
          <h2 id="similar-heading" className="text-lg font-semibold">
            Similar programs
          </h2>
          <ul className="mt-2 space-y-2">
            {similar.map((s) => (
              <li key={s.id}>
                <PageLink href={`/programs/${s.slug}/request-info`}>
                  {s.title} at {s.schoolName}
                </PageLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
