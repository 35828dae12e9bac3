/**
 * Schools, campuses and program ads. Ten ads follow the reference page (program titles, highlights,
 * campus cities and accreditation kept, school names fictional); the rest are generated from a fixed
 * random seed so that every run produces the same directory, and the directory is worth filtering.
 * Websites use the reserved `.example` domain: these schools do not exist.
 */
import zipcodes from "zipcodes";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  campuses,
  occupations,
  programAreas,
  programCampuses,
  programOccupations,
  programs,
  schools,
  type CredentialLevel,
  type DeliveryMode,
  type ProgramStatus,
} from "../schema";

export const PROGRAM_AREAS = [
  { slug: "health-information-technology", name: "Health Information Technology", cipCode: "51.0707" },
  { slug: "medical-coding", name: "Medical Coding", cipCode: "51.0713" },
  { slug: "medical-billing", name: "Medical Billing", cipCode: "51.0714" },
  { slug: "medical-office-administration", name: "Medical Office Administration", cipCode: "51.0716" },
  { slug: "medical-administrative-assisting", name: "Medical Administrative Assisting", cipCode: "51.0710" },
  { slug: "health-information-management", name: "Health Information Management", cipCode: "51.0706" },
  { slug: "health-informatics", name: "Health Informatics", cipCode: "51.2706" },
] as const;

type AreaSlug = (typeof PROGRAM_AREAS)[number]["slug"];

const RECORDS_TECH = "medical-records-and-health-information-technicians";
const TECHNOLOGISTS = "health-information-technologists-and-medical-registrars";
const MANAGERS = "medical-and-health-services-managers";
const SECRETARIES = "medical-secretaries-and-administrative-assistants";

/** Which careers each program area prepares for. */
export const AREA_OCCUPATIONS: Record<AreaSlug, string[]> = {
  "health-information-technology": [RECORDS_TECH, TECHNOLOGISTS],
  "medical-coding": [RECORDS_TECH],
  "medical-billing": [RECORDS_TECH, SECRETARIES],
  "medical-office-administration": [SECRETARIES, RECORDS_TECH],
  "medical-administrative-assisting": [SECRETARIES],
  "health-information-management": [MANAGERS, TECHNOLOGISTS, RECORDS_TECH],
  "health-informatics": [TECHNOLOGISTS, MANAGERS],
};

const ACCREDITORS = {
  ACCSC: "Accrediting Commission of Career Schools and Colleges (ACCSC)",
  ACCET: "Accrediting Council for Continuing Education and Training (ACCET)",
  ABHES: "Accrediting Bureau of Health Education Schools (ABHES)",
  WASC: "WASC Senior College and University Commission (WSCUC)",
  HLC: "Higher Learning Commission (HLC)",
  SACSCOC: "Southern Association of Colleges and Schools Commission on Colleges (SACSCOC)",
  MSCHE: "Middle States Commission on Higher Education (MSCHE)",
  DEAC: "Distance Education Accrediting Commission (DEAC)",
  COE: "Council on Occupational Education (COE)",
} as const;
type AccreditorKey = keyof typeof ACCREDITORS;
const ACCREDITOR_TYPE: Record<AccreditorKey, string> = {
  ACCSC: "national",
  ACCET: "national",
  ABHES: "national",
  WASC: "regional",
  HLC: "regional",
  SACSCOC: "regional",
  MSCHE: "regional",
  DEAC: "national",
  COE: "national",
};

type CampusSeed = { name: string; city: string; state: string; zip?: string; street?: string };
type ProgramSeed = {
  title: string;
  area: AreaSlug;
  credential: CredentialLevel;
  delivery: DeliveryMode;
  months: number;
  highlights: string[];
  description?: string;
  status?: ProgramStatus;
  sponsoredRank?: number | null;
  /** Indexes into the school's campuses; empty for online-only. */
  campuses: number[];
};
type SchoolSeed = {
  slug: string;
  name: string;
  description: string;
  accreditor: AccreditorKey | null;
  campuses: CampusSeed[];
  programs: ProgramSeed[];
};

/** The ten ads of the reference page, kept in substance, under invented school names. */
export const REFERENCE_SCHOOLS: SchoolSeed[] = [
  {
    slug: "pacific-crest-college",
    name: "Pacific Crest College",
    description:
      "A private college based in Los Angeles, teaching medical sciences, legal studies and graphic design since 1985.",
    accreditor: "ACCSC",
    campuses: [
      { name: "Los Angeles", city: "Los Angeles", state: "CA" },
      { name: "Torrance", city: "Torrance", state: "CA" },
      { name: "Ontario", city: "Ontario", state: "CA" },
    ],
    programs: [
      {
        title: "Medical Administrative Specialist",
        area: "medical-office-administration",
        credential: "diploma",
        delivery: "campus",
        months: 9,
        sponsoredRank: 1,
        campuses: [0, 1, 2],
        highlights: [
          "Private college in Los Angeles teaching medical sciences, legal studies and graphic design since 1985.",
          "Weekend schedules, including veterinary technology, nurse assistant and hemodialysis technician programs.",
          "Students in visual communication publish their work in the campus magazine.",
          "Three campuses across Southern California.",
          "Accredited by ACCSC.",
        ],
      },
    ],
  },
  {
    slug: "summit-ridge-career-institute",
    name: "Summit Ridge Career Institute",
    description: "A career institute that blends classroom teaching with online study and lets students try classes before paying.",
    accreditor: null,
    campuses: [{ name: "Riverside", city: "Riverside", state: "CA" }],
    programs: [
      {
        title: "Medical Billing and Coding",
        area: "medical-billing",
        credential: "certificate",
        delivery: "hybrid",
        months: 8,
        sponsoredRank: 2,
        campuses: [0],
        highlights: [
          "A free trial period: attend classes before paying any tuition.",
          "Blended courses mix classroom teaching with online study.",
          "Online chat rooms connect students with classmates at any hour and with instructors in office hours.",
          "Externships and clinical training supervised by college staff.",
          "Accelerated tracks cover the same coursework in less time.",
        ],
      },
    ],
  },
  {
    slug: "brightfield-college",
    name: "Brightfield College",
    description:
      "Accelerated career programs with flexible schedules and hands-on instruction, run by a national education group.",
    accreditor: null,
    campuses: [{ name: "Chula Vista", city: "Chula Vista", state: "CA" }],
    programs: [
      {
        title: "Medical Billing & Coding Specialist",
        area: "medical-coding",
        credential: "diploma",
        delivery: "campus",
        months: 10,
        sponsoredRank: 3,
        campuses: [0],
        highlights: [
          "Accelerated programs built around flexible schedules.",
          "Instructors with professional experience in the field.",
          "Part of a national group of career colleges.",
        ],
      },
    ],
  },
  {
    slug: "riverbend-university",
    name: "Riverbend University",
    description: "A long-established private university with more than eight decades of teaching and nationally ranked programs.",
    accreditor: "SACSCOC",
    campuses: [{ name: "Main campus", city: "Jacksonville", state: "FL" }],
    programs: [
      {
        title: "MS Health Informatics",
        area: "health-informatics",
        credential: "master",
        delivery: "online",
        months: 20,
        sponsoredRank: 4,
        campuses: [],
        highlights: [
          "More than 80 years of academic history.",
          "Regularly listed among the country's best colleges by national rankings.",
          "Taught fully online for working professionals.",
        ],
      },
      {
        title: "MSN Informatics Specialization",
        area: "health-informatics",
        credential: "master",
        delivery: "online",
        months: 24,
        sponsoredRank: 5,
        campuses: [],
        highlights: [
          "A nursing master's degree focused on clinical informatics.",
          "More than 80 years of academic history.",
          "Taught fully online for working nurses.",
        ],
      },
    ],
  },
  {
    slug: "golden-coast-career-college",
    name: "Golden Coast Career College",
    description: "Career training across California, New Hampshire and Maine, with online options and lifelong career help.",
    accreditor: "ACCET",
    campuses: [
      { name: "Sacramento", city: "Sacramento", state: "CA" },
      { name: "Fresno", city: "Fresno", state: "CA" },
      { name: "San Jose", city: "San Jose", state: "CA" },
      { name: "Oakland", city: "Oakland", state: "CA" },
      { name: "Bakersfield", city: "Bakersfield", state: "CA" },
      { name: "Stockton", city: "Stockton", state: "CA" },
      { name: "Modesto", city: "Modesto", state: "CA" },
      { name: "Santa Ana", city: "Santa Ana", state: "CA" },
      { name: "Manchester", city: "Manchester", state: "NH" },
      { name: "Nashua", city: "Nashua", state: "NH" },
      { name: "Portland", city: "Portland", state: "ME" },
    ],
    programs: [
      {
        title: "Administrative Medical Assistant",
        area: "medical-administrative-assisting",
        credential: "certificate",
        delivery: "hybrid",
        months: 9,
        sponsoredRank: 6,
        campuses: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        highlights: [
          "Classes in the morning, afternoon, evening and at weekends.",
          "Career help for life: résumés, cover letters, employer contacts and one-to-one coaching.",
          "Accredited by ACCET.",
          "Eight campuses in California, three more in New Hampshire and Maine, and online study.",
        ],
      },
    ],
  },
  {
    slug: "mission-valley-technical-college",
    name: "Mission Valley Technical College",
    description: "Career training since 1975 across Southern California and in Georgia, from diplomas to associate degrees.",
    accreditor: null,
    campuses: [
      { name: "San Marcos", city: "San Marcos", state: "CA" },
      { name: "Escondido", city: "Escondido", state: "CA" },
      { name: "Oceanside", city: "Oceanside", state: "CA" },
      { name: "Morrow", city: "Morrow", state: "GA" },
    ],
    programs: [
      {
        title: "Medical Office Specialist (10-Month Diploma Program)",
        area: "medical-office-administration",
        credential: "diploma",
        delivery: "campus",
        months: 10,
        sponsoredRank: 7,
        campuses: [0, 1, 2, 3],
        highlights: [
          "Training people for careers since 1975.",
          "Thirteen campuses in Southern California plus one in Morrow, Georgia.",
          "Flexible class times, weekends included.",
          "Programs from 8-month diplomas to 16-month Associate of Applied Science degrees.",
          "Admissions advisers help you choose between a diploma and a degree.",
          "Job placement help backed by ties with local employers.",
        ],
      },
    ],
  },
  {
    slug: "valley-allied-health-institute",
    name: "Valley Allied Health Institute",
    description: "Short allied-health programs from a main campus in Van Nuys, north of Los Angeles.",
    accreditor: "ABHES",
    campuses: [
      { name: "Van Nuys (main campus)", city: "Van Nuys", state: "CA" },
      { name: "Panorama City", city: "Panorama City", state: "CA" },
    ],
    programs: [
      {
        title: "Medical Billing and Coding",
        area: "medical-billing",
        credential: "certificate",
        delivery: "campus",
        months: 7,
        sponsoredRank: 8,
        campuses: [0, 1],
        highlights: [
          "Career placement help for recent graduates.",
          "Short allied-health programs that prepare you for work in health care.",
          "Programs include Medical Office Specialist, Medical Assistant, Dental Assistant and Healthcare Administration.",
          "Accredited by ABHES.",
          "Main campus in Van Nuys, north of Los Angeles.",
        ],
      },
    ],
  },
  {
    slug: "northstar-online-university",
    name: "Northstar Online University",
    description: "An online university where students take one four-week course at a time.",
    accreditor: null,
    campuses: [],
    programs: [
      {
        title: "Associate of Science in Medical Administrative Billing and Coding",
        area: "medical-billing",
        credential: "associate",
        delivery: "online",
        months: 24,
        sponsoredRank: 9,
        campuses: [],
        highlights: [
          "One four-week course at a time, with its final exam before the next begins.",
          "Technical support online around the clock, usually answering within four hours.",
          "Online help centres for writing, statistics, medical assisting and more.",
          "Job placement help for students and graduates.",
          "The curriculum follows research into fast-growing fields.",
        ],
      },
    ],
  },
  {
    slug: "harmony-institute-of-health-careers",
    name: "Harmony Institute of Health Careers",
    description: "A school of massage therapy, sports rehabilitation and health careers with its own student clinic.",
    accreditor: null,
    campuses: [{ name: "Santa Ana", city: "Santa Ana", state: "CA" }],
    programs: [
      {
        title: "Medical Billing and Coding Specialist Program",
        area: "medical-coding",
        credential: "certificate",
        delivery: "campus",
        months: 9,
        sponsoredRank: 10,
        campuses: [0],
        highlights: [
          "Also trains massage therapists, sports-rehabilitation aides and fitness trainers.",
          "A supportive setting that values empathy and care.",
          "Career advisers work with students from day one, toward spas, hotels, cruise lines and clinics.",
          "Students gain experience in the school's own clinic.",
          "Financial aid staff help each student plan how to pay tuition.",
        ],
      },
    ],
  },
  {
    slug: "western-sierra-college",
    name: "Western Sierra College",
    description: "A regionally accredited college with eleven California campuses, an online division and 22 career programs.",
    accreditor: "WASC",
    campuses: [
      { name: "Los Angeles", city: "Los Angeles", state: "CA" },
      { name: "San Diego", city: "San Diego", state: "CA" },
      { name: "Long Beach", city: "Long Beach", state: "CA" },
      { name: "Pasadena", city: "Pasadena", state: "CA" },
    ],
    programs: [
      {
        title: "Certificate - Medical Office",
        area: "medical-office-administration",
        credential: "certificate",
        delivery: "hybrid",
        months: 8,
        sponsoredRank: 11,
        campuses: [0, 1, 2, 3],
        highlights: [
          "Many programs include an externship for real workplace experience.",
          "Rated A+ by the Better Business Bureau since 1984.",
          "22 accelerated career programs, from business administration to medical assisting.",
          "Regionally accredited by WASC.",
          "Eleven campuses in California and an online division.",
        ],
      },
    ],
  },
];

/* ------------------------------------------------------------ generation */

/** mulberry32: a small deterministic PRNG, so the generated directory is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string][] = [
  ["Birmingham", "AL"], ["Anchorage", "AK"], ["Tucson", "AZ"], ["Phoenix", "AZ"], ["Little Rock", "AR"],
  ["Denver", "CO"], ["Hartford", "CT"], ["Wilmington", "DE"], ["Tampa", "FL"], ["Orlando", "FL"],
  ["Atlanta", "GA"], ["Honolulu", "HI"], ["Boise", "ID"], ["Chicago", "IL"], ["Indianapolis", "IN"],
  ["Des Moines", "IA"], ["Wichita", "KS"], ["Louisville", "KY"], ["Baton Rouge", "LA"], ["Baltimore", "MD"],
  ["Worcester", "MA"], ["Detroit", "MI"], ["Minneapolis", "MN"], ["Jackson", "MS"], ["Kansas City", "MO"],
  ["Billings", "MT"], ["Omaha", "NE"], ["Las Vegas", "NV"], ["Newark", "NJ"], ["Albuquerque", "NM"],
  ["Buffalo", "NY"], ["Charlotte", "NC"], ["Fargo", "ND"], ["Columbus", "OH"], ["Tulsa", "OK"],
  ["Portland", "OR"], ["Pittsburgh", "PA"], ["Providence", "RI"], ["Columbia", "SC"], ["Sioux Falls", "SD"],
  ["Nashville", "TN"], ["Houston", "TX"], ["Dallas", "TX"], ["Fort Worth", "TX"], ["San Antonio", "TX"],
  ["Salt Lake City", "UT"], ["Burlington", "VT"], ["Richmond", "VA"], ["Seattle", "WA"], ["Charleston", "WV"],
  ["Milwaukee", "WI"], ["Cheyenne", "WY"], ["Sacramento", "CA"], ["Anaheim", "CA"], ["Mesa", "AZ"],
];
const NAME_STARTS = [
  "Lakeview", "Cedar", "Harbor", "Prairie", "Granite", "Bluewater", "Maple", "Redwood", "Silver Lake", "Ironwood",
  "Hillcrest", "Riverside", "Oakmont", "Pinecrest", "Sunridge", "Stonebridge", "Clearwater", "Fairview", "Northgate",
  "Eastfield", "Westbrook", "Southport", "Highland", "Meadowbrook", "Brookside", "Crescent", "Liberty", "Heritage",
  "Evergreen", "Keystone", "Frontier", "Canyon", "Bayshore", "Summit", "Willow", "Aspen", "Magnolia", "Juniper",
  "Copper", "Beacon",
];
const NAME_ENDS = [
  "College", "Technical College", "Institute of Health Careers", "Community College", "University",
  "Career College", "School of Allied Health", "Institute of Technology",
];
const HIGHLIGHT_POOL = [
  "Evening and weekend classes for students who work.",
  "Externships with local hospitals and clinics.",
  "Prepares you to sit for a national coding certification exam.",
  "Small classes taught by working health-information professionals.",
  "Financial aid available to those who qualify.",
  "Career services help with résumés, interviews and job leads.",
  "Hands-on practice with electronic health record software.",
  "Start dates every month.",
  "Courses in anatomy, medical terminology and health-data law.",
  "Credits may transfer toward a related degree.",
  "Tutoring and academic advising at no extra cost.",
  "Lab time in a simulated hospital records office.",
  "Online courses you can take on your own schedule.",
  "Veterans' education benefits accepted.",
  "Graduates work in hospitals, physician offices and insurers.",
];
type Template = { title: string; area: AreaSlug; credential: CredentialLevel; months: [number, number] };
const TEMPLATES: Template[] = [
  { title: "Health Information Technology", area: "health-information-technology", credential: "associate", months: [18, 24] },
  { title: "Health Information Technician", area: "health-information-technology", credential: "certificate", months: [9, 12] },
  { title: "Medical Coding", area: "medical-coding", credential: "certificate", months: [6, 12] },
  { title: "Medical Coding Specialist", area: "medical-coding", credential: "diploma", months: [8, 12] },
  { title: "Medical Billing and Coding", area: "medical-billing", credential: "certificate", months: [6, 10] },
  { title: "Medical Billing and Coding", area: "medical-billing", credential: "associate", months: [18, 24] },
  { title: "Medical Office Administration", area: "medical-office-administration", credential: "diploma", months: [8, 12] },
  { title: "Medical Office Administration", area: "medical-office-administration", credential: "associate", months: [18, 24] },
  { title: "Medical Administrative Assistant", area: "medical-administrative-assisting", credential: "certificate", months: [6, 10] },
  { title: "Health Information Management", area: "health-information-management", credential: "bachelor", months: [36, 48] },
  { title: "Health Information Management", area: "health-information-management", credential: "master", months: [18, 24] },
  { title: "Health Informatics", area: "health-informatics", credential: "bachelor", months: [36, 48] },
  { title: "Health Informatics", area: "health-informatics", credential: "master", months: [18, 24] },
];
const CREDENTIAL_PREFIX: Record<CredentialLevel, string> = {
  certificate: "Certificate in",
  diploma: "Diploma in",
  associate: "Associate of Applied Science in",
  bachelor: "Bachelor of Science in",
  master: "Master of Science in",
};

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function generateSchools(count = 64, seed = 20161231): SchoolSeed[] {
  const random = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const used = new Set<string>(REFERENCE_SCHOOLS.map((s) => s.slug));
  const out: SchoolSeed[] = [];
  const accreditorKeys = Object.keys(ACCREDITORS) as AccreditorKey[];
  for (let i = 0; out.length < count; i++) {
    const name = `${NAME_STARTS[i % NAME_STARTS.length]} ${NAME_ENDS[(i * 7 + Math.floor(i / NAME_STARTS.length)) % NAME_ENDS.length]}`;
    const slug = slugify(name);
    if (used.has(slug)) continue;
    used.add(slug);
    const onlineOnly = random() < 0.12;
    const campusCount = onlineOnly ? 0 : 1 + Math.floor(random() * 3);
    const home = CITIES[i % CITIES.length] as [string, string];
    const campusList: CampusSeed[] = [];
    for (let c = 0; c < campusCount; c++) {
      const [city, state] = c === 0 ? home : pick(CITIES.filter(([, st]) => st === home[1]).concat([home]));
      const nameForCampus = campusList.some((x) => x.city === city) ? `${city} ${c + 1}` : city;
      campusList.push({ name: nameForCampus, city, state });
    }
    const accreditor = random() < 0.82 ? pick(accreditorKeys) : null;
    const programCount = 3 + Math.floor(random() * 4);
    const chosen = new Set<number>();
    const programList: ProgramSeed[] = [];
    while (programList.length < programCount) {
      const t = Math.floor(random() * TEMPLATES.length);
      if (chosen.has(t)) continue;
      chosen.add(t);
      const template = TEMPLATES[t] as Template;
      const delivery: DeliveryMode = onlineOnly ? "online" : pick(["campus", "campus", "hybrid", "online"] as const);
      const months = template.months[0] + Math.floor(random() * (template.months[1] - template.months[0] + 1));
      const highlights = new Set<string>();
      while (highlights.size < 3 + Math.floor(random() * 2)) highlights.add(pick(HIGHLIGHT_POOL));
      if (accreditor) highlights.add(`Accredited by ${ACCREDITORS[accreditor]}.`);
      const roll = random();
      const status: ProgramStatus = roll < 0.9 ? "active" : roll < 0.94 ? "paused" : roll < 0.97 ? "in_review" : "draft";
      programList.push({
        title: `${CREDENTIAL_PREFIX[template.credential]} ${template.title}`,
        area: template.area,
        credential: template.credential,
        delivery,
        months,
        highlights: [...highlights],
        status,
        sponsoredRank: random() < 0.2 ? 20 + Math.floor(random() * 80) : null,
        campuses: delivery === "online" ? [] : campusList.map((_, index) => index).filter(() => random() < 0.8),
      });
      const last = programList[programList.length - 1] as ProgramSeed;
      if (last.delivery !== "online" && last.campuses.length === 0 && campusList.length > 0) last.campuses = [0];
    }
    out.push({
      slug,
      name,
      description: `${name} prepares students for careers in health information, medical office work and related fields.`,
      accreditor,
      campuses: campusList,
      programs: programList,
    });
  }
  return out;
}

/* ----------------------------------------------------------------- insert */

const STREETS = ["Main St", "College Ave", "Commerce Blvd", "Park Ave", "Center St", "University Dr", "Medical Pkwy"];

function locate(campus: CampusSeed, index: number) {
  const match = campus.zip ? zipcodes.lookup(campus.zip) : zipcodes.lookupByName(campus.city, campus.state)[0];
  if (!match) throw new Error(`seed: no ZIP found for ${campus.city}, ${campus.state}`);
  return {
    zip: String(match.zip).padStart(5, "0"),
    latitude: match.latitude,
    longitude: match.longitude,
    address: campus.street ?? `${100 + ((index * 137) % 9000)} ${STREETS[index % STREETS.length]}`,
  };
}

export async function seedSchools(db: Db): Promise<{ schools: number; programs: number }> {
  const all = [...REFERENCE_SCHOOLS, ...generateSchools()];
  return db.transaction(async (tx) => {
    await tx.insert(programAreas).values([...PROGRAM_AREAS]).onConflictDoNothing({ target: programAreas.slug });
    const areaRows = await tx.select().from(programAreas);
    const areaId = new Map(areaRows.map((a) => [a.slug, a.id]));

    const existing = await tx
      .select({ slug: schools.slug })
      .from(schools)
      .where(
        inArray(
          schools.slug,
          all.map((s) => s.slug),
        ),
      );
    const have = new Set(existing.map((s) => s.slug));
    const usedProgramSlugs = new Set<string>();
    let schoolCount = 0;
    let programCount = 0;
    let campusIndex = 0;

    for (const school of all) {
      if (have.has(school.slug)) continue;
      const [row] = await tx
        .insert(schools)
        .values({
          slug: school.slug,
          name: school.name,
          website: `https://www.${school.slug}.example`,
          description: school.description,
          accreditation: school.accreditor ? ACCREDITORS[school.accreditor] : null,
          accreditationType: school.accreditor ? ACCREDITOR_TYPE[school.accreditor] : null,
        })
        .returning({ id: schools.id });
      if (!row) throw new Error("seed: school insert returned nothing");
      schoolCount++;

      const campusIds: number[] = [];
      if (school.campuses.length > 0) {
        const inserted = await tx
          .insert(campuses)
          .values(
            school.campuses.map((c) => ({ schoolId: row.id, name: c.name, city: c.city, state: c.state, ...locate(c, campusIndex++) })),
          )
          .returning({ id: campuses.id });
        campusIds.push(...inserted.map((c) => c.id));
      }

      for (const p of school.programs) {
        let slug = slugify(`${school.name} ${p.title}`);
        for (let n = 2; usedProgramSlugs.has(slug); n++) slug = slugify(`${school.name} ${p.title} ${n}`);
        usedProgramSlugs.add(slug);
        const status = p.status ?? "active";
        const [program] = await tx
          .insert(programs)
          .values({
            schoolId: row.id,
            programAreaId: areaId.get(p.area) as number,
            slug,
            title: p.title,
            description: p.description ?? "",
            credentialLevel: p.credential,
            delivery: p.delivery,
            lengthMonths: p.months,
            highlights: p.highlights,
            websiteUrl: `https://www.${school.slug}.example/programs/${slugify(p.title)}`,
            status,
            sponsoredRank: p.sponsoredRank ?? null,
            publishedAt: status === "active" || status === "paused" ? new Date("2026-01-15T00:00:00Z") : null,
          })
          .returning({ id: programs.id });
        if (!program) throw new Error("seed: program insert returned nothing");
        programCount++;
        const links = p.campuses.map((i) => campusIds[i]).filter((id): id is number => id !== undefined);
        if (links.length > 0) {
          await tx.insert(programCampuses).values(links.map((campusId) => ({ programId: program.id, campusId })));
        }
      }
    }
    await linkProgramsToOccupations(tx);
    return { schools: schoolCount, programs: programCount };
  });
}

/** Links every program to the careers its area leads to; re-run safely whenever careers are added. */
async function linkProgramsToOccupations(tx: Db): Promise<void> {
  const occRows = await tx.select({ id: occupations.id, slug: occupations.slug }).from(occupations);
  const occupationId = new Map(occRows.map((o) => [o.slug, o.id]));
  const rows = await tx
    .select({ programId: programs.id, area: programAreas.slug })
    .from(programs)
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId));
  const links = rows.flatMap((r) =>
    (AREA_OCCUPATIONS[r.area as AreaSlug] ?? [])
      .map((slug) => occupationId.get(slug))
      .filter((id): id is number => id !== undefined)
      .map((occupationId) => ({ programId: r.programId, occupationId })),
  );
  for (let i = 0; i < links.length; i += 500) {
    await tx.insert(programOccupations).values(links.slice(i, i + 500)).onConflictDoNothing();
  }
}
