import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageLink } from "@/components/page-link";
import { notFound } from "next/navigation";
import { getRequestInfoContext } from "@/db/queries/leads";
import { LeadForm } from "@/components/leads/lead-form";
import { leadFormData } from "@/lib/leads/form-data";
import { attributionFrom } from "@/lib/leads/attribution";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const context = await getRequestInfoContext({ slug });
  return {
    title: context ? `Request information: ${context.program.title} at ${context.program.schoolName}` : "Request information",
    robots: { index: false },
  };
}

/** The full-page Request Info form: works without JavaScript (the ads' dialog falls back to it). */
export default async function RequestInfoPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const context = await getRequestInfoContext({ slug });
  if (!context) notFound();
  const h = await headers();
  const attribution = attributionFrom(await searchParams, h.get("referer"), `/programs/${slug}/request-info`);
  const { program } = context;
  return (
    <div className="container-page max-w-3xl py-8">
      <p className="text-sm">
        <PageLink href={`/programs/${program.slug}`}>Back to the program</PageLink>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-brand-800">Request information</h1>
      <p className="mt-2 text-muted">
        {program.title} at <span className="font-medium text-ink">{program.schoolName}</span>. Fill in your details and the school will
        contact you about the program, costs and start dates. It is free and you are under no obligation.
      </p>
      <div className="mt-6">
        {program.capped ? (
          <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
            <span className="font-semibold">Not taking requests right now.</span> {program.schoolName} has received all the requests
            it can answer for this program for now. Please come back later.
          </p>
        ) : (
          <LeadForm data={leadFormData(context)} attribution={attribution} idPrefix="page" />
        )}
      </div>
    </div>
  );
}
