import type { CachedOccupation, MetroStat } from "@/db/queries/occupations";

/** schema.org Occupation. Salary is given per metro area: the data holds no national median. */
export function occupationJsonLd(occupation: CachedOccupation, metros: MetroStat[], url: string) {
  const soc = occupation.socCode2010 ?? occupation.socCode2018;
  return {
    "@context": "https://schema.org",
    "@type": "Occupation",
    name: occupation.title,
    description: occupation.summary,
    url,
    ...(soc && {
      occupationalCategory: {
        "@type": "CategoryCode",
        codeValue: soc,
        inCodeSet: {
          "@type": "CategoryCodeSet",
          name: occupation.socCode2010 ? "Standard Occupational Classification 2010" : "Standard Occupational Classification 2018",
        },
      },
    }),
    qualifications: occupation.sections.certifications.map((c) => `${c.name} (${c.acronym})`).join("; "),
    educationRequirements: occupation.sections.training[0],
    ...(metros.length > 0 && {
      estimatedSalary: metros.map((m) => ({
        "@type": "MonetaryAmountDistribution",
        name: `Annual median salary, ${m.name}`,
        currency: "USD",
        duration: "P1Y",
        median: m.annualMedianSalary,
      })),
      occupationLocation: metros.map((m) => ({ "@type": "Place", name: m.name })),
    }),
  };
}

/** Serialised for a <script> tag: `<` is escaped so the content can never close the tag. */
export function JsonLd({ data }: { data: object }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
