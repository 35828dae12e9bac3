import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { listOccupations } from "@/db/queries/occupations";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Career profiles",
  description: "What the work involves, how to train for it, and where the jobs are, for careers in health information.",
};

export default async function CareersPage() {
  const occupations = await listOccupations();
  return (
    <div className="container-page py-8"><div className="max-w-3xl">
      <h1 className="text-3xl font-bold text-ink">Career profiles</h1>
      <p className="mt-3 text-ink">
        Each profile covers the work, training and certification, pay and employment figures, and schools with related
        programs.
      </p>
      {occupations.length === 0 ? (
        <p className="mt-6">No career profiles yet.</p>
      ) : (
        <ul className="mt-6 space-y-5">
          {occupations.map((o) => (
            <li key={o.id}>
              <h2 className="text-xl font-semibold">
                <PageLink
                  href={`/careers/${o.slug}`}
                  className="text-brand-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  {o.title}
                </PageLink>
              </h2>
              <p className="mt-1 text-ink">{o.summary}</p>
            </li>
          ))}
        </ul>
      )}
      </div>
    </div>
  );
}
