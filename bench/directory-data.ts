/**
 * Scale data for the directory bench: 10,000 schools, 20,000 campuses at real US ZIP centroids,
 * 100,000 programs (about 90% active), their campus links and careers. Deterministic (fixed seed).
 */
import zipcodes from "zipcodes";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campuses, programAreas, programCampuses, programs, schools } from "@/db/schema";
import { PROGRAM_AREAS } from "@/db/seed/schools";
import { credentialLevel, deliveryMode } from "@/db/schema";

export const SCALE = { schools: 10_000, campuses: 20_000, programs: 100_000 };

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

const WORDS = ["Lakeview", "Cedar", "Harbor", "Prairie", "Granite", "Maple", "Redwood", "Summit", "Willow", "Aspen", "Beacon", "Liberty"];
const ENDS = ["College", "Technical College", "Institute", "Community College", "University", "Career College"];
const SUBJECTS = [
  "Health Information Technology", "Medical Coding", "Medical Billing and Coding", "Medical Office Administration",
  "Medical Administrative Assistant", "Health Information Management", "Health Informatics",
];

async function insertBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function generateScaleData(db: Db): Promise<void> {
  const random = rng(42);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const usZips = Object.values(zipcodes.codes).filter((z) => z.country === "US" && /^\d{5}$/.test(z.zip));

  await db.insert(programAreas).values([...PROGRAM_AREAS]).onConflictDoNothing();
  const areaIds = (await db.select({ id: programAreas.id }).from(programAreas)).map((a) => a.id);

  const schoolRows = Array.from({ length: SCALE.schools }, (_, i) => ({
    slug: `bench-school-${i}`,
    name: `${pick(WORDS)} ${pick(WORDS)} ${pick(ENDS)} ${i}`,
    website: `https://bench-${i}.example`,
    accreditation: random() < 0.8 ? "Bench Accrediting Commission" : null,
    status: random() < 0.02 ? ("suspended" as const) : ("active" as const),
  }));
  console.log("bench: generating scale data");
  await insertBatches(schoolRows, 2000, (b) => db.insert(schools).values(b));
  const schoolIds = (await db.select({ id: schools.id }).from(schools).orderBy(schools.id)).map((s) => s.id);

  const campusRows = Array.from({ length: SCALE.campuses }, (_, i) => {
    const z = pick(usZips);
    return {
      schoolId: schoolIds[i % schoolIds.length] as number,
      name: `${z.city} ${i}`,
      address: `${100 + i} Main St`,
      city: z.city,
      state: z.state,
      zip: z.zip,
      latitude: z.latitude,
      longitude: z.longitude,
    };
  });
  await insertBatches(campusRows, 2000, (b) => db.insert(campuses).values(b));
  const campusBySchool = new Map<number, number[]>();
  for (const c of await db.select({ id: campuses.id, schoolId: campuses.schoolId }).from(campuses)) {
    const list = campusBySchool.get(c.schoolId) ?? [];
    list.push(c.id);
    campusBySchool.set(c.schoolId, list);
  }

  const programRows = Array.from({ length: SCALE.programs }, (_, i) => {
    const schoolId = pick(schoolIds);
    const credential = pick(credentialLevel.enumValues);
    const roll = random();
    return {
      schoolId,
      programAreaId: pick(areaIds),
      slug: `bench-program-${i}`,
      title: `${credential[0]!.toUpperCase()}${credential.slice(1)} in ${pick(SUBJECTS)}`,
      credentialLevel: credential,
      delivery: pick(deliveryMode.enumValues),
      lengthMonths: 6 + Math.floor(random() * 30),
      highlights: ["Evening classes.", "Externships with local clinics.", "Financial aid for those who qualify."],
      websiteUrl: `https://bench-${schoolId}.example/p/${i}`,
      status: roll < 0.9 ? ("active" as const) : roll < 0.95 ? ("paused" as const) : ("draft" as const),
      sponsoredRank: random() < 0.05 ? 1 + Math.floor(random() * 100) : null,
    };
  });
  // Programs and their campus links in one transaction with the directory's insert triggers off, and
  // the directory tables built once at the end by the triggers' own refresh function: per batch, the
  // triggers would rebuild each program's rows again for every batch of links that names it. If
  // anything fails, the transaction rolls back, triggers included (ALTER TABLE is transactional).
  let linkCount = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table programs disable trigger directory_listings_programs_ins`);
    await tx.execute(sql`alter table program_campuses disable trigger directory_listings_links_ins`);
    await insertBatches(programRows, 2000, (b) => tx.insert(programs).values(b));
    const links: { programId: number; campusId: number }[] = [];
    for (const p of await tx.select({ id: programs.id, schoolId: programs.schoolId, delivery: programs.delivery }).from(programs)) {
      if (p.delivery === "online") continue;
      const own = campusBySchool.get(p.schoolId) ?? [];
      for (const campusId of own) if (random() < 0.8 || own.length === 1) links.push({ programId: p.id, campusId });
    }
    await insertBatches(links, 5000, (b) => tx.insert(programCampuses).values(b).onConflictDoNothing());
    linkCount = links.length;
    await tx.execute(sql`analyze programs, program_campuses`);
    // In slices of 2,000 ids, as the triggers would pass them: one call with all 100,000 ran for minutes.
    const ids = (await tx.select({ id: programs.id }).from(programs).orderBy(programs.id)).map((p) => p.id);
    for (let i = 0; i < ids.length; i += 2000) {
      await tx.execute(sql`select directory_listings_refresh(${`{${ids.slice(i, i + 2000).join(",")}}`}::int[])`);
    }
    await tx.execute(sql`alter table programs enable trigger directory_listings_programs_ins`);
    await tx.execute(sql`alter table program_campuses enable trigger directory_listings_links_ins`);
  });
  console.log(`bench: ${linkCount} campus links`);
  // A table in steady state has been vacuumed (autovacuum): its visibility map lets index-only scans
  // skip the heap. Right after a bulk load it has not, which is not what the site runs on.
  await db.execute(sql`vacuum analyze`);
}
