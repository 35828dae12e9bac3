import { PageLink } from "@/components/page-link";

const featured = [
  {
    slug: "medical-records-and-health-information-technicians",
    title: "Medical Records and Health Information Technicians",
    blurb: "Keep patient records complete, accurate and private; code diagnoses for billing; work mostly away from the bedside.",
  },
  {
    slug: "health-information-technologists-and-medical-registrars",
    title: "Health Information Technologists and Medical Registrars",
    blurb: "Analyse clinical data, run registries such as cancer registries, and keep health data systems trustworthy.",
  },
  {
    slug: "medical-and-health-services-managers",
    title: "Medical and Health Services Managers",
    blurb: "Plan and direct health services, including whole health-information departments.",
  },
  {
    slug: "medical-secretaries-and-administrative-assistants",
    title: "Medical Secretaries and Administrative Assistants",
    blurb: "Schedule patients, handle records and billing paperwork, and keep a medical office running.",
  },
];

export default function HomePage() {
  return (
    <>
      <section className="bg-brand-50">
        <div className="container-page py-12 sm:py-16">
          <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">
            Find a health-information career, and the school program that gets you there
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-muted">
            Read what the work is really like, with pay and job figures from the U.S. Bureau of Labor Statistics, then
            compare programs near you or online and ask schools for information.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <PageLink
              href="/careers/medical-records-and-health-information-technicians"
              className="rounded-md bg-brand-700 no-underline px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              Explore medical records careers
            </PageLink>
            <PageLink href="/schools" className="rounded-md border border-brand-700 bg-white no-underline px-4 py-2.5 font-semibold text-brand-700">
              Find schools
            </PageLink>
          </div>
        </div>
      </section>
      <section className="container-page py-10" aria-labelledby="careers-heading">
        <h2 id="careers-heading" className="text-2xl font-semibold">
          Career profiles
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {featured.map((c) => (
            <li key={c.slug} className="rounded-lg border border-slate-200 p-5">
              <h3 className="text-lg font-semibold">
                <PageLink href={`/careers/${c.slug}`}>{c.title}</PageLink>
              </h3>
              <p className="mt-2 text-sm text-muted">{c.blurb}</p>
            </li>
          ))}
        </ul>
        <p className="mt-8 text-sm text-muted">
          Some schools pay to appear in our listings; their ads are labelled Sponsored.{" "}
          <PageLink href="/advertising-disclosure">How we make money and order results</PageLink>.
        </p>
      </section>
    </>
  );
}
