import { sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  metroAreas,
  occupationIndustryStats,
  occupationMetroStats,
  occupationRelations,
  occupations,
  type NewOccupation,
} from "../schema";

/** The slugs other seeds (schools, programs) link to. Changing one breaks those links. */
export const OCCUPATION_SLUGS = {
  medicalRecordsTechnicians: "medical-records-and-health-information-technicians",
  healthInformationTechnologists: "health-information-technologists-and-medical-registrars",
  healthServicesManagers: "medical-and-health-services-managers",
  medicalSecretaries: "medical-secretaries-and-administrative-assistants",
} as const;

export type OccupationSlug = (typeof OCCUPATION_SLUGS)[keyof typeof OCCUPATION_SLUGS];

const OES_2016 = "U.S. Bureau of Labor Statistics, Occupational Employment Statistics, May 2016";
const PROJECTIONS_2014_24 = "U.S. Bureau of Labor Statistics, Employment Projections 2014-24";
const DATA_SOURCE =
  "U.S. Bureau of Labor Statistics, Occupational Employment Statistics (May 2016) and Employment Projections 2014-24";
const DATA_YEAR = 2016;
const LAST_REVIEWED_ON = "2025-11-27";

type OccupationSeed = Omit<NewOccupation, "id" | "createdAt" | "updatedAt"> & { slug: OccupationSlug };

const OCCUPATION_CONTENT: OccupationSeed[] = [
  {
    slug: OCCUPATION_SLUGS.medicalRecordsTechnicians,
    title: "Medical Records and Health Information Technicians",
    shortTitle: "Medical Records Technicians",
    socCode2010: "29-2071",
    socCode2018: "29-2072",
    summary:
      "Medical records technicians build and look after the files that document each patient's care, keeping them complete, accurate, coded and private.",
    dataSource: DATA_SOURCE,
    dataYear: DATA_YEAR,
    sourceNote:
      "Figures are for SOC 2010 code 29-2071. Metro and industry figures come from the BLS Occupational Employment Statistics survey for May 2016; the national projection comes from the BLS 2014-24 Employment Projections. Under SOC 2018 this occupation is 29-2072 (Medical Records Specialists), and cancer registrars are counted under 29-9021, so later BLS releases are not directly comparable.",
    lastReviewedOn: LAST_REVIEWED_ON,
    sections: {
      work: [
        "Every visit, test and treatment a patient receives leaves a trail of information. Medical records technicians gather that information into a single record, keep it in order and make sure the right people can rely on it.",
        "When a new chart is opened they check that nothing is missing and that each form has been completed and signed. If a diagnosis is unclear or a detail is absent, they go back to the physician or another member of the care team to resolve it.",
        "The records they keep serve many purposes beyond treatment: technicians prepare data for later analysis, supply documentation when a record is needed in a legal matter, and assemble the details insurers use to decide how a procedure will be paid for.",
      ],
      recordContents: [
        "The patient's medical history",
        "Clinical observations",
        "Surgical procedures performed",
        "Outcomes of treatment",
        "Symptoms as described",
        "Examination findings",
        "X-ray and MRI reports",
        "Laboratory test results",
        "Diagnoses",
        "Plans for treatment",
      ],
      duties: [
        "Handle the paperwork created when patients are admitted and discharged",
        "Check records for accuracy and completeness and for compliance with the rules that apply to them",
        "Key in demographic details, disease histories, diagnoses and treatments",
        "Release information to people and agencies only as regulations allow",
        "Keep records secure so that patient confidentiality is protected",
        "Build indexes and filing and retrieval systems so that information can be pulled together when needed",
      ],
      specialties: [
        {
          name: "Medical coder",
          description:
            "Coders translate each diagnosis and procedure in a record into a standard code, drawing on what they know about how diseases progress. Software then places the hospital stay into one of several hundred diagnosis-related groups (DRGs), and that group sets how much the hospital is reimbursed by the patient's insurer or by Medicare. Coders also work with other classification systems used for physician visits, outpatient care and long-term care.",
        },
        {
          name: "Cancer registrar",
          description:
            "Registrars review records and pathology reports of people with cancer (and some benign tumors), code the diagnosis and treatment, and enter the case in regional or national registries. Each year they follow up on the patients in the registry to record treatment, survival and recovery. Physicians and public health agencies use the data to compare how well treatments work, to spot places where particular cancers are unusually common and to find candidates for clinical trials.",
        },
      ],
      workingConditions: [
        "A typical schedule is a 40-hour week, with occasional overtime. Hospital record departments often run around the clock every day of the week, so technicians there may work evenings, nights or weekends.",
        "The work happens in an office, and unlike most health care roles it involves little or no direct contact with patients. In a small facility one credentialed technician may cover every task and run the department; larger facilities employ several technicians, each focused on one area, with an administrator handling management.",
        "The constant need for accuracy brings some pressure, and long hours at a screen can lead to eye strain and muscle aches. The job suits people who pay close attention to detail, communicate clearly with insurers and other organizations, and are comfortable with computers.",
      ],
      outlook: [
        "The Bureau of Labor Statistics expects employment in this occupation to grow faster than the average for all occupations over the 2014-24 decade.",
        "Growth comes from the steady arrival of new tests, treatments and procedures, all of which insurers, regulators, courts and patients want to see documented and reviewed. Federal requirements to keep records electronically add to the demand for people who can enter and manage patient data in computer systems.",
        "Physicians' offices, especially large group practices, are expected to add jobs fastest, with home health services, outpatient centers and nursing and residential care also growing. Hospitals will keep hiring, though more slowly. Applicants with strong coding skills and experience with electronic health records should find the best prospects.",
      ],
      projection: {
        baseYear: 2014,
        baseJobs: 188_600,
        projectedYear: 2024,
        projectedJobs: 217_600,
        source: PROJECTIONS_2014_24,
      },
      training: [
        "Most people enter the field with an associate degree, usually from a community or junior college. Employers look most favorably on programs accredited by the Commission on Accreditation for Health Informatics and Information Management Education (CAHIIM). Many schools offer evening, part-time or online study.",
        "Useful courses include anatomy and physiology, medical terminology, the legal side of health information, health data standards, coding, statistics, databases and general computing.",
        "Coding is taught in certificate programs or as part of an associate degree rather than as a degree of its own. A small number of schools run cancer registry certificates approved by the National Cancer Registrars Association (NCRA), and some schools and employers offer short courses of a week or two in coding or registry work. Many coders and registrars start as general technicians and learn the specialty on the job.",
        "Most certifications have to be renewed from time to time, which normally means earning continuing education credits.",
      ],
      certifications: [
        {
          acronym: "RHIT",
          name: "Registered Health Information Technician",
          description:
            "Awarded by the American Health Information Management Association (AHIMA) to candidates who hold an associate degree from a CAHIIM-accredited program and pass its written exam. Many employers prefer it, and some also like to see earlier experience in a health care setting.",
        },
        {
          acronym: "AAPC",
          name: "Coding certifications from the American Academy of Professional Coders",
          description: "The AAPC runs three separate coding certification programs.",
        },
        {
          acronym: "BMSC",
          name: "Coding certification from the Board of Medical Specialty Coding",
          description: "One of several organizations that certify medical coders.",
        },
        {
          acronym: "PAHCS",
          name: "Coding certification from the Professional Association of Healthcare Coding Specialists",
          description: "Another organization offering certification in medical coding.",
        },
        {
          acronym: "NCRA",
          name: "Cancer registry certification from the National Cancer Registrars Association",
          description: "The credential for technicians who specialize in cancer registry work.",
        },
      ],
      employers: [
        "Hospitals employ roughly two in five medical records technicians.",
        "Most of the others work in physicians' offices, home health services, outpatient care centers and nursing care facilities.",
        "Public health departments and insurance companies also hire them.",
      ],
    },
  },
  {
    slug: OCCUPATION_SLUGS.healthInformationTechnologists,
    title: "Health Information Technologists and Medical Registrars",
    shortTitle: "Health Information Technologists",
    socCode2010: null,
    socCode2018: "29-9021",
    summary:
      "Health information technologists and medical registrars apply data and information systems to patient records, and registrars keep disease registries such as cancer registries.",
    dataSource: DATA_SOURCE,
    dataYear: DATA_YEAR,
    sourceNote:
      "This occupation was created in SOC 2018 (29-9021); cancer registrars were moved into it from SOC 2010 code 29-2071. The BLS May 2016 survey and 2014-24 projections predate the code, so we show no metro figures, industry figures or projection for it.",
    lastReviewedOn: LAST_REVIEWED_ON,
    sections: {
      work: [
        "These specialists work with health data at a more analytical level than general records staff: they set up and maintain the systems that hold patient information and make sure the data in them is sound.",
        "Medical registrars, cancer registrars being the best-known group, collect and code detailed information about patients with a particular disease and report it to registries used for research and public health.",
      ],
      duties: [
        "Abstract and code cases from medical records and pathology reports into registry databases",
        "Follow up on registered patients over time to record treatment and outcomes",
        "Check the quality and consistency of health data and correct errors",
        "Help configure and support electronic health record and registry software",
        "Prepare data extracts and reports for clinicians, researchers and agencies",
      ],
      specialties: [
        {
          name: "Cancer registrar",
          description:
            "Keeps a facility's or region's record of cancer cases, from diagnosis through treatment and yearly follow-up.",
        },
        {
          name: "Health information technologist",
          description:
            "Focuses on the systems and data standards behind patient records, often acting as a link between clinical staff and IT.",
        },
      ],
      workingConditions: [
        "The work is office-based, often in hospitals, registries or public agencies, with little direct patient contact. Much of it is done at a computer and some of it can be done remotely.",
      ],
      outlook: [
        "Because this code is new in SOC 2018, there is no BLS 2014-24 projection for it. Demand is tied to the same forces as for medical records work: more electronic data and more reporting requirements.",
      ],
      training: [
        "Registrars often start with an associate degree in health information or a related field, sometimes after working as medical records technicians. Technologist roles increasingly ask for a bachelor's degree in health information management or health informatics.",
      ],
      certifications: [
        {
          acronym: "NCRA",
          name: "Cancer registry certification from the National Cancer Registrars Association",
          description: "The standard credential for cancer registrars; it must be kept current with continuing education.",
        },
        {
          acronym: "RHIT",
          name: "Registered Health Information Technician",
          description: "AHIMA credential that many technologists hold or build on.",
        },
      ],
      employers: [
        "Hospitals and cancer centers",
        "State and regional disease registries and public health departments",
        "Health IT vendors and consulting firms",
      ],
    },
  },
  {
    slug: OCCUPATION_SLUGS.healthServicesManagers,
    title: "Medical and Health Services Managers",
    shortTitle: "Health Services Managers",
    socCode2010: "11-9111",
    socCode2018: "11-9111",
    summary:
      "Medical and health services managers plan and run health care services, from a single clinical department or practice to a whole facility.",
    dataSource: DATA_SOURCE,
    dataYear: DATA_YEAR,
    sourceNote:
      "SOC 11-9111 in both SOC 2010 and SOC 2018. The BLS 2014-24 projections expect growth of about 17 percent, much faster than average; we have not seeded job counts, metro figures or industry figures for this occupation because we have not checked them against the BLS tables.",
    lastReviewedOn: LAST_REVIEWED_ON,
    sections: {
      work: [
        "Health services managers keep a hospital, practice, clinic or department running: they set goals, manage budgets and staff, and make sure the organization meets the rules that govern health care.",
        "Some oversee a whole facility; others run one area such as health information, nursing administration or a physician group practice. Managers of health information departments often come up through records or coding work.",
      ],
      duties: [
        "Set and track budgets, fees and spending",
        "Recruit, train and schedule staff",
        "Keep the organization in line with laws, regulations and accreditation standards",
        "Oversee patient records and the systems that hold them",
        "Report to boards, owners or senior leadership and represent the organization externally",
      ],
      specialties: [
        {
          name: "Health information manager",
          description: "Runs the department responsible for patient records, their security and their release.",
        },
        {
          name: "Practice administrator",
          description: "Manages the business side of a physician group: staff, billing, scheduling and contracts.",
        },
      ],
      workingConditions: [
        "Most work full time in offices within health care facilities, and many put in longer hours. Managers of facilities that never close may be called in at any hour when problems arise.",
      ],
      outlook: [
        "The BLS 2014-24 projections expect employment to grow about 17 percent over the decade, much faster than the average for all occupations, as an aging population uses more health services and electronic records call for managers who understand them.",
      ],
      training: [
        "Most managers hold at least a bachelor's degree, commonly in health administration, health information management, nursing or business; master's degrees are common in larger organizations. Experience in a clinical or administrative role is usually expected.",
      ],
      certifications: [
        {
          acronym: "RHIA",
          name: "Registered Health Information Administrator",
          description: "AHIMA credential often held by managers of health information departments.",
        },
      ],
      employers: [
        "Hospitals",
        "Physicians' offices and group practices",
        "Nursing and residential care facilities",
        "Outpatient care centers, home health services and government",
      ],
    },
  },
  {
    slug: OCCUPATION_SLUGS.medicalSecretaries,
    title: "Medical Secretaries and Administrative Assistants",
    shortTitle: "Medical Secretaries",
    socCode2010: "43-6013",
    socCode2018: "43-6013",
    summary:
      "Medical secretaries handle the front-office side of health care: scheduling, billing, correspondence and keeping charts in order, using medical terminology and office procedures.",
    dataSource: DATA_SOURCE,
    dataYear: DATA_YEAR,
    sourceNote:
      "SOC 43-6013 in both SOC 2010 and SOC 2018. We have not checked job counts, a projection, metro figures or industry figures for this occupation against the BLS tables, so none are shown; the outlook text is a summary only.",
    lastReviewedOn: LAST_REVIEWED_ON,
    sections: {
      work: [
        "Medical secretaries keep a practice, clinic or hospital department's administration moving. They are often the first person a patient speaks to and the one who makes sure paperwork reaches the right place.",
        "The job calls for the same office skills as other secretarial work plus a working knowledge of medical terms, insurance rules and clinical procedures.",
      ],
      duties: [
        "Book appointments and manage clinicians' calendars",
        "Register patients and collect insurance details",
        "Prepare bills and follow up on claims",
        "Type and route reports, letters and chart notes",
        "Keep patient files and office records organised and confidential",
      ],
      specialties: [
        {
          name: "Medical office specialist",
          description: "Combines reception, scheduling and billing work in a physician's or dentist's office.",
        },
      ],
      workingConditions: [
        "Most work full time in busy offices and deal with patients in person and by phone every day. Hospital departments may need evening or weekend cover.",
      ],
      outlook: [
        "Employment is expected to grow faster than the average for all occupations, carried along by the expansion of health care services as the population ages.",
      ],
      training: [
        "A high-school diploma is the usual minimum; many employers prefer a certificate or diploma in medical office administration, which typically covers medical terminology, billing, coding basics and office software.",
      ],
      certifications: [
        {
          acronym: "CMAA",
          name: "Certified Medical Administrative Assistant",
          description: "A voluntary credential that shows employers a grounding in front-office medical work.",
        },
      ],
      employers: [
        "Physicians' offices",
        "Hospitals",
        "Dentists' and other health practitioners' offices",
        "Outpatient care centers",
      ],
    },
  },
];

type MetroSeed = {
  cbsaCode: string;
  name: string;
  principalCities: string[];
  states: string[];
  employment: number;
  annualMedianSalary: number;
};

/** May 2016 OES figures for SOC 29-2071, one row per MSA (the cities named are those in the MSA's title). */
const MEDICAL_RECORDS_METROS: MetroSeed[] = [
  {
    cbsaCode: "31080",
    name: "Los Angeles-Long Beach-Anaheim, CA",
    principalCities: ["Los Angeles", "Long Beach", "Anaheim"],
    states: ["CA"],
    employment: 7_700,
    annualMedianSalary: 41_410,
  },
  {
    cbsaCode: "19100",
    name: "Dallas-Fort Worth-Arlington, TX",
    principalCities: ["Dallas", "Fort Worth", "Arlington"],
    states: ["TX"],
    employment: 4_530,
    annualMedianSalary: 40_460,
  },
  {
    cbsaCode: "38060",
    name: "Phoenix-Mesa-Scottsdale, AZ",
    principalCities: ["Phoenix", "Mesa", "Scottsdale"],
    states: ["AZ"],
    employment: 4_070,
    annualMedianSalary: 35_980,
  },
  {
    cbsaCode: "26420",
    name: "Houston-The Woodlands-Sugar Land, TX",
    principalCities: ["Houston", "The Woodlands", "Sugar Land"],
    states: ["TX"],
    employment: 3_610,
    annualMedianSalary: 38_590,
  },
];

type IndustrySeed = { industry: string; jobs: number; sharePercent: number; annualMedianSalary: number };

/** May 2016 OES figures for SOC 29-2071: industries with at least 1% of the occupation's jobs. */
const MEDICAL_RECORDS_INDUSTRIES: IndustrySeed[] = [
  { industry: "Hospitals", jobs: 65_500, sharePercent: 38, annualMedianSalary: 32_600 },
  { industry: "Medical offices", jobs: 59_400, sharePercent: 35, annualMedianSalary: 26_980 },
  { industry: "Nursing and residential care", jobs: 16_530, sharePercent: 9, annualMedianSalary: 30_310 },
  { industry: "Government", jobs: 9_250, sharePercent: 5, annualMedianSalary: 39_470 },
  { industry: "Professional and technical services", jobs: 5_590, sharePercent: 3, annualMedianSalary: 33_600 },
  { industry: "Office services and staffing", jobs: 4_940, sharePercent: 2, annualMedianSalary: 32_540 },
  { industry: "Education", jobs: 2_410, sharePercent: 1, annualMedianSalary: 36_550 },
  { industry: "Business management", jobs: 2_130, sharePercent: 1, annualMedianSalary: 36_050 },
];

/**
 * Career profiles, their metro and industry figures, and the links between them.
 * Idempotent: every row is upserted on its natural key, so a second run changes nothing.
 */
export async function seedCareers(db: Db): Promise<{ occupations: number }> {
  return db.transaction(async (tx) => {
    const idBySlug = new Map<string, number>();
    for (const content of OCCUPATION_CONTENT) {
      const [row] = await tx
        .insert(occupations)
        .values(content)
        .onConflictDoUpdate({
          target: occupations.slug,
          set: {
            title: sql`excluded.title`,
            shortTitle: sql`excluded.short_title`,
            socCode2010: sql`excluded.soc_code_2010`,
            socCode2018: sql`excluded.soc_code_2018`,
            summary: sql`excluded.summary`,
            sections: sql`excluded.sections`,
            dataSource: sql`excluded.data_source`,
            dataYear: sql`excluded.data_year`,
            sourceNote: sql`excluded.source_note`,
            lastReviewedOn: sql`excluded.last_reviewed_on`,
          },
        })
        .returning({ id: occupations.id, slug: occupations.slug });
      if (!row) throw new Error(`seedCareers: upsert of ${content.slug} returned nothing`);
      idBySlug.set(row.slug, row.id);
    }
    const idOf = (slug: OccupationSlug): number => {
      const id = idBySlug.get(slug);
      if (id === undefined) throw new Error(`seedCareers: no occupation ${slug}`);
      return id;
    };

    const recordsId = idOf(OCCUPATION_SLUGS.medicalRecordsTechnicians);
    for (const metro of MEDICAL_RECORDS_METROS) {
      const [area] = await tx
        .insert(metroAreas)
        .values({
          cbsaCode: metro.cbsaCode,
          name: metro.name,
          principalCities: metro.principalCities,
          states: metro.states,
        })
        .onConflictDoUpdate({
          target: metroAreas.cbsaCode,
          set: {
            name: sql`excluded.name`,
            principalCities: sql`excluded.principal_cities`,
            states: sql`excluded.states`,
          },
        })
        .returning({ id: metroAreas.id });
      if (!area) throw new Error(`seedCareers: upsert of metro ${metro.cbsaCode} returned nothing`);
      await tx
        .insert(occupationMetroStats)
        .values({
          occupationId: recordsId,
          metroId: area.id,
          sourceYear: DATA_YEAR,
          employment: metro.employment,
          annualMedianSalary: metro.annualMedianSalary,
          source: OES_2016,
        })
        .onConflictDoUpdate({
          target: [occupationMetroStats.occupationId, occupationMetroStats.metroId, occupationMetroStats.sourceYear],
          set: {
            employment: sql`excluded.employment`,
            annualMedianSalary: sql`excluded.annual_median_salary`,
            source: sql`excluded.source`,
          },
        });
    }

    for (const row of MEDICAL_RECORDS_INDUSTRIES) {
      await tx
        .insert(occupationIndustryStats)
        .values({ occupationId: recordsId, sourceYear: DATA_YEAR, source: OES_2016, ...row })
        .onConflictDoUpdate({
          target: [occupationIndustryStats.occupationId, occupationIndustryStats.industry, occupationIndustryStats.sourceYear],
          set: {
            jobs: sql`excluded.jobs`,
            sharePercent: sql`excluded.share_percent`,
            annualMedianSalary: sql`excluded.annual_median_salary`,
            source: sql`excluded.source`,
          },
        });
    }

    // The four are neighbours on one career path: link each to every other, both directions.
    const ids = [...idBySlug.values()];
    const pairs = ids.flatMap((occupationId) =>
      ids.filter((relatedId) => relatedId !== occupationId).map((relatedId) => ({ occupationId, relatedId })),
    );
    await tx.insert(occupationRelations).values(pairs).onConflictDoNothing();

    return { occupations: idBySlug.size };
  });
}

/** Exposed for tests: the figures the seed writes. */
export const CAREER_SEED_DATA = {
  occupations: OCCUPATION_CONTENT,
  medicalRecordsMetros: MEDICAL_RECORDS_METROS,
  medicalRecordsIndustries: MEDICAL_RECORDS_INDUSTRIES,
} as const;
