import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db, DbHandle } from "../client";
import { auditEvents, metroAreas, occupationIndustryStats, occupationMetroStats, occupationRelations, occupations, users } from "../schema";
import { CAREER_SEED_DATA, OCCUPATION_SLUGS, seedCareers } from "../seed/careers";
import { applyBlsImport, createCareer, getCareerForOps, previewBlsImport, StaleImportError, updateCareer, ImportRowsError } from "./ops-careers";
import { parseBlsCsv, type IndustryImportRow, type MetroImportRow } from "@/lib/validations/ops-bls-import";
import { careerEditSchema, careerFormValues } from "@/lib/validations/ops-careers";
import { testDatabases } from "@/lib/testing/db";

const SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment Statistics, May 2016";
const SOC = ["29-2071", "29-2072"];

const METRO_HEADER = "AREA,AREA_TITLE,OCC_CODE,TOT_EMP,H_MEDIAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90";

describe("parseBlsCsv", () => {
  it("reads a BLS metro export: figures with separators, cities and states from the MSA title, unused columns ignored", () => {
    const csv = [
      `${METRO_HEADER},LOC_QUOTIENT`,
      `31080,"Los Angeles-Long Beach-Anaheim, CA",29-2071,"7,700",19.91,"$26,000",31000,"$41,410",52000,63000,0.9`,
      `47900,"Washington-Arlington-Alexandria, DC-VA-MD-WV",29-2071,3150,,,,45120,,,`,
    ].join("\n");
    const { rows, errors } = parseBlsCsv("metro", csv, SOC);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, areaCode: "31080", areaTitle: "Los Angeles-Long Beach-Anaheim, CA", principalCities: ["Los Angeles", "Long Beach", "Anaheim"], states: ["CA"], employment: 7700, annualMedianSalary: 41410 },
      { line: 3, areaCode: "47900", areaTitle: "Washington-Arlington-Alexandria, DC-VA-MD-WV", principalCities: ["Washington", "Arlington", "Alexandria"], states: ["DC", "VA", "MD", "WV"], employment: 3150, annualMedianSalary: 45120 },
    ]);
  });

  it("reports every bad cell by line and column, and returns no rows at all", () => {
    const csv = [
      METRO_HEADER,
      `31080,"Los Angeles-Long Beach-Anaheim, CA",29-2071,7700,19.91,,,41410,,`,
      `1908,"Dallas-Fort Worth-Arlington, TX",29-2071,**,,,,40460,,`,
      `26420,Houston,29-2071,3610,,,,*,,`,
      `38060,"Phoenix-Mesa-Scottsdale, AZ",29-1141,4070,,,,35980,,`,
      `31080,"Los Angeles-Long Beach-Anaheim, CA",29-2071,7700,,,,41410,,`,
      `12060,"Atlanta-Sandy Springs-Roswell, GA",29-2071,2900,,30000,,29000,,`,
    ].join("\r\n");
    const { rows, errors } = parseBlsCsv("metro", csv, SOC);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 3, column: "AREA", message: expect.stringContaining("5-digit") },
      { line: 3, column: "TOT_EMP", message: expect.stringContaining("(**)") },
      { line: 4, column: "AREA_TITLE", message: expect.stringContaining("principal cities") },
      { line: 4, column: "A_MEDIAN", message: expect.stringContaining("(*)") },
      { line: 5, column: "OCC_CODE", message: "This row is for occupation 29-1141; this career is 29-2071 / 29-2072." },
      { line: 6, column: "AREA", message: "Area 31080 is also on line 2." },
      { line: 7, column: "A_MEDIAN", message: "A_MEDIAN (29000) is below A_PCT10 (30000); percentiles must rise." },
    ]);
  });

  it("names missing columns, refuses broken CSV and empty files", () => {
    expect(parseBlsCsv("industry", "NAICS_TITLE,TOT_EMP\nHospitals,65500", SOC).errors).toEqual([
      { line: 1, column: "PCT_OF_OCC", message: expect.stringContaining("no PCT_OF_OCC column") },
      { line: 1, column: "A_MEDIAN", message: expect.stringContaining("no A_MEDIAN column") },
    ]);
    expect(parseBlsCsv("metro", `${METRO_HEADER}\n31080,"Los Angeles,29-2071`, SOC).errors[0]).toMatchObject({ column: null, message: expect.stringContaining("not valid CSV") });
    expect(parseBlsCsv("metro", "", SOC).errors[0]?.message).toContain("empty");
    expect(parseBlsCsv("metro", `${METRO_HEADER}\n`, SOC).errors[0]?.message).toContain("no rows");
  });

  it("reads the industry table, rounding the share to whole percent", () => {
    const csv = "naics,naics_title,tot_emp,pct_total,pct_of_occ,a_median\n622000,Hospitals,\"65,500\",1.2,37.6%,\"$32,600\"\n,Education,2410,,1,36550\n";
    const { rows, errors } = parseBlsCsv("industry", csv, SOC);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, naics: "622000", industry: "Hospitals", employment: 65500, sharePercent: 38, annualMedianSalary: 32600 },
      { line: 3, naics: null, industry: "Education", employment: 2410, sharePercent: 1, annualMedianSalary: 36550 },
    ]);
    expect(parseBlsCsv("industry", "NAICS_TITLE,TOT_EMP,PCT_OF_OCC,A_MEDIAN\nHospitals,10,140,30000\nGovernment,5,1,30000\ngovernment,5,1,30000", SOC).errors).toEqual([
      { line: 2, column: "PCT_OF_OCC", message: "“140” is not a number for the percent of the occupation's jobs." },
      { line: 4, column: "NAICS_TITLE", message: "“government” is also on line 3." },
    ]);
  });
});

describe("careerEditSchema", () => {
  const valid = () => ({
    title: "Surgical Coders",
    shortTitle: "Surgical Coders",
    summary: "Surgical coders turn operating notes into billing codes.",
    socCode2010: "",
    socCode2018: "29-2072",
    work: "First paragraph\ncontinues here.\n\nSecond paragraph.",
    recordContents: "",
    duties: "Read notes\n\nAssign codes\n",
    specialties: "Spine | Codes spinal surgery.",
    workingConditions: "Offices.",
    outlook: "Growing.",
    training: "A certificate.",
    certifications: "CPC | Certified Professional Coder | From AAPC.",
    employers: "Hospitals",
    projectionBaseYear: "",
    projectionBaseJobs: "",
    projectionYear: "",
    projectionJobs: "",
    projectionSource: "",
    dataSource: "U.S. Bureau of Labor Statistics",
    dataYear: "2016",
    sourceNote: "",
    lastReviewedOn: "2026-01-02",
    related: ["3", "3"],
  });

  it("turns the text areas into the profile's sections", () => {
    const parsed = careerEditSchema.parse(valid());
    expect(parsed.sections).toEqual({
      work: ["First paragraph continues here.", "Second paragraph."],
      duties: ["Read notes", "Assign codes"],
      specialties: [{ name: "Spine", description: "Codes spinal surgery." }],
      workingConditions: ["Offices."],
      outlook: ["Growing."],
      training: ["A certificate."],
      certifications: [{ acronym: "CPC", name: "Certified Professional Coder", description: "From AAPC." }],
      employers: ["Hospitals"],
    });
    expect(parsed.related).toEqual([3]);
    expect(parsed.socCode2010).toBeNull();
  });

  it("puts each problem on its field", () => {
    const result = careerEditSchema.safeParse({
      ...valid(),
      socCode2018: "292072",
      work: " ",
      certifications: "CPC | Certified Professional Coder",
      projectionBaseYear: "2014",
      projectionBaseJobs: "lots",
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toMatchObject({
      socCode2018: "Write the SOC code as 00-0000.",
      work: "Write at least one paragraph of what the work involves.",
      certifications: "Line 1: write it as ACRONYM | Name | description.",
      projectionBaseJobs: "Enter the jobs in the first year, a whole number.",
    });
    const partial = careerEditSchema.safeParse({ ...valid(), projectionBaseYear: "2014", projectionBaseJobs: "100", projectionYear: "2010", projectionJobs: "120", projectionSource: "" });
    const partialFields = Object.fromEntries(partial.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(partialFields).toEqual({ projectionYear: "The projected year must come after the first year.", projectionSource: "Name the source of the projection." });
  });

  it("round-trips a seeded profile through the form unchanged", () => {
    const seeded = CAREER_SEED_DATA.occupations[0]!;
    const values = careerFormValues({ socCode2010: null, socCode2018: null, sourceNote: null, ...seeded } as Parameters<typeof careerFormValues>[0]);
    const parsed = careerEditSchema.parse({ ...values, related: [] });
    expect(parsed.sections).toEqual(seeded.sections);
    expect(parsed.title).toBe(seeded.title);
  });
});

describe.each(testDatabases())("career editing and BLS import on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  let operatorId: string;
  let recordsId: number;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    await seedCareers(db);
    const [u] = await db.insert(users).values({ email: `op-${crypto.randomUUID()}@example.com`, role: "operator" }).returning({ id: users.id });
    operatorId = u!.id;
    const [r] = await db.select({ id: occupations.id }).from(occupations).where(eq(occupations.slug, OCCUPATION_SLUGS.medicalRecordsTechnicians));
    recordsId = r!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const actor = () => ({ userId: operatorId, ipAddress: "203.0.113.9" });

  async function newCareer(name: string) {
    return createCareer({ title: `${name} Specialists`, shortTitle: name, slug: "", summary: "A career created by an integration test.", socCode2018: "29-2072" }, actor(), db);
  }

  async function metroRows(occupationId: number, year = 2016) {
    return db
      .select({ code: metroAreas.cbsaCode, employment: occupationMetroStats.employment, salary: occupationMetroStats.annualMedianSalary, source: occupationMetroStats.source })
      .from(occupationMetroStats)
      .innerJoin(metroAreas, eq(metroAreas.id, occupationMetroStats.metroId))
      .where(and(eq(occupationMetroStats.occupationId, occupationId), eq(occupationMetroStats.sourceYear, year)))
      .orderBy(metroAreas.cbsaCode);
  }

  it("creates a career (slug from the title) and refuses a second with the same address", async () => {
    const created = await newCareer("Cardiac Coding");
    expect(created.slug).toBe("cardiac-coding-specialists");
    await expect(newCareer("Cardiac Coding")).rejects.toThrow("Another career already has this address.");
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "career.created"), eq(auditEvents.subjectId, String(created.id))));
    expect(audit).toHaveLength(1);
  });

  it("saves an edit with its related careers and audits the fields that changed", async () => {
    const created = await newCareer("Oncology Data");
    const found = await getCareerForOps(created.slug, db);
    const values = careerFormValues(found!.career);
    const edit = careerEditSchema.parse({
      ...values,
      work: "Abstract cancer cases.",
      duties: "Code tumours\nFollow up patients",
      workingConditions: "Offices.",
      outlook: "Steady.",
      training: "An associate degree.",
      employers: "Hospitals",
      projectionBaseYear: "2014",
      projectionBaseJobs: "1,000",
      projectionYear: "2024",
      projectionJobs: "1200",
      projectionSource: "BLS Employment Projections 2014-24",
      related: [String(recordsId), String(created.id)],
    });
    const saved = await updateCareer(created.id, edit, actor(), db);
    expect(saved?.changed).toEqual(expect.arrayContaining(["sections.work", "sections.duties", "sections.projection", "related"]));
    expect(saved?.changed).not.toContain("title");
    const after = await getCareerForOps(created.slug, db);
    expect(after!.career.sections.projection).toEqual({ baseYear: 2014, baseJobs: 1000, projectedYear: 2024, projectedJobs: 1200, source: "BLS Employment Projections 2014-24" });
    // A career never lists itself; the link is one-way.
    expect(after!.relatedIds).toEqual([recordsId]);
    const back = await db.select().from(occupationRelations).where(and(eq(occupationRelations.occupationId, recordsId), eq(occupationRelations.relatedId, created.id)));
    expect(back).toEqual([]);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "career.updated"), eq(auditEvents.subjectId, String(created.id))));
    expect(audit?.metadata).toMatchObject({ slug: created.slug, fields: saved!.changed });
    // Saving the same again changes nothing and audits nothing.
    expect((await updateCareer(created.id, edit, actor(), db))?.changed).toEqual([]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "career.updated"), eq(auditEvents.subjectId, String(created.id))))).toHaveLength(1);
    expect(await updateCareer(999_999, edit, actor(), db)).toBeNull();
  });

  it("previews an upload against the stored figures: added, removed and changed with old and new values", async () => {
    const csv = [
      "AREA,AREA_TITLE,TOT_EMP,A_MEDIAN",
      `31080,"Los Angeles-Long Beach-Anaheim, CA",7700,41410`, // unchanged
      `19100,"Dallas-Fort Worth-Arlington, TX",4600,41000`, // changed
      `38060,"Phoenix-Mesa-Scottsdale, AZ",4070,35980`, // unchanged
      `12060,"Atlanta-Sandy Springs-Roswell, GA",2900,37000`, // added; Houston removed
    ].join("\n");
    const { rows } = parseBlsCsv("metro", csv, SOC);
    const preview = await previewBlsImport(recordsId, "metro", 2016, SOURCE, rows, db);
    if (!("diff" in preview)) throw new Error("expected a diff");
    expect(preview.diff.added.map((r) => [r.key, r.label, r.employment])).toEqual([["12060", "Atlanta-Sandy Springs-Roswell, GA", 2900]]);
    expect(preview.diff.removed.map((r) => [r.key, r.label])).toEqual([["26420", "Houston-The Woodlands-Sugar Land, TX"]]);
    expect(preview.diff.changed).toEqual([
      expect.objectContaining({
        key: "19100",
        changes: [
          { field: "employment", label: "Employment", from: 4530, to: 4600 },
          { field: "annualMedianSalary", label: "Annual median wage", from: 40460, to: 41000 },
        ],
      }),
    ]);
    expect(preview.diff.unchanged).toBe(2);
    expect(preview.diff.latestYearBefore).toBe(2016);
    // Previewing writes nothing.
    expect(await metroRows(recordsId)).toHaveLength(4);
  });

  it("applies an upload in one go, with an audit event, and refuses a stale preview", async () => {
    const career = await newCareer("Metro Import");
    const first = parseBlsCsv("metro", `AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n31080,"Los Angeles-Long Beach-Anaheim, CA",100,50000\n99901,"Testville-Exampleton, ZZ",20,40000`, SOC);
    const p1 = await previewBlsImport(career.id, "metro", 2023, SOURCE, first.rows, db);
    if (!("diff" in p1)) throw new Error("expected a diff");
    const applied = await applyBlsImport({ occupationId: career.id, kind: "metro", year: 2023, source: SOURCE, rows: first.rows, baseline: p1.baseline }, actor(), db);
    expect(applied.added).toHaveLength(2);
    expect(await metroRows(career.id, 2023)).toEqual([
      { code: "31080", employment: 100, salary: 50000, source: SOURCE },
      { code: "99901", employment: 20, salary: 40000, source: SOURCE },
    ]);
    const [area] = await db.select().from(metroAreas).where(eq(metroAreas.cbsaCode, "99901"));
    expect(area).toMatchObject({ name: "Testville-Exampleton, ZZ", principalCities: ["Testville", "Exampleton"], states: ["ZZ"] });
    // The seeded career's Los Angeles figures are untouched.
    expect((await metroRows(recordsId)).find((r) => r.code === "31080")?.employment).toBe(7700);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "career.bls_imported"), eq(auditEvents.subjectId, String(career.id))));
    expect(audit?.metadata).toMatchObject({ kind: "metro", year: 2023, added: 2, removed: 0, changed: 0 });

    // Two previews from the same state: the first applied, the second is refused and changes nothing.
    const second = parseBlsCsv("metro", `AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n31080,"Los Angeles-Long Beach-Anaheim, CA",150,51000`, SOC);
    const third = parseBlsCsv("metro", `AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n99901,"Testville-Exampleton, ZZ",25,41000`, SOC);
    const p2 = await previewBlsImport(career.id, "metro", 2023, SOURCE, second.rows, db);
    const p3 = await previewBlsImport(career.id, "metro", 2023, SOURCE, third.rows, db);
    if (!("diff" in p2) || !("diff" in p3)) throw new Error("expected diffs");
    const done = await applyBlsImport({ occupationId: career.id, kind: "metro", year: 2023, source: SOURCE, rows: second.rows, baseline: p2.baseline }, actor(), db);
    expect([done.changed.length, done.removed.length]).toEqual([1, 1]);
    await expect(applyBlsImport({ occupationId: career.id, kind: "metro", year: 2023, source: SOURCE, rows: third.rows, baseline: p3.baseline }, actor(), db)).rejects.toBeInstanceOf(
      StaleImportError,
    );
    expect(await metroRows(career.id, 2023)).toEqual([{ code: "31080", employment: 150, salary: 51000, source: SOURCE }]);
  });

  it("a new metro area whose name another code holds is a row error, at preview and at apply", async () => {
    const career = await newCareer("Name Clash");
    const { rows } = parseBlsCsv("metro", `AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n99902,"Los Angeles-Long Beach-Anaheim, CA",10,30000`, SOC);
    expect(await previewBlsImport(career.id, "metro", 2016, SOURCE, rows, db)).toEqual({
      errors: [{ line: 2, column: "AREA_TITLE", message: "“Los Angeles-Long Beach-Anaheim, CA” is stored with area code 31080, not 99902." }],
    });
    await expect(applyBlsImport({ occupationId: career.id, kind: "metro", year: 2016, source: SOURCE, rows, baseline: "" }, actor(), db)).rejects.toBeInstanceOf(StaleImportError);
    const empty = await previewBlsImport(career.id, "industry", 2016, SOURCE, [], db);
    if (!("diff" in empty)) throw new Error("expected a diff");
    await expect(applyBlsImport({ occupationId: career.id, kind: "metro", year: 2016, source: SOURCE, rows, baseline: empty.baseline }, actor(), db)).rejects.toBeInstanceOf(ImportRowsError);
  });

  it("a row the database refuses rolls back the whole import: no figures, no new metro areas, no audit", async () => {
    const career = await newCareer("Rollback");
    const good = parseBlsCsv("metro", `AREA,AREA_TITLE,TOT_EMP,A_MEDIAN\n99903,"Rollbackville, ZZ",10,30000`, SOC).rows;
    // A row that slipped past validation: employment beyond the column's integer range.
    const bad: MetroImportRow = { ...good[0]!, line: 3, areaCode: "99904", areaTitle: "Overflow City, ZZ", principalCities: ["Overflow City"], employment: 3_000_000_000 };
    const preview = await previewBlsImport(career.id, "metro", 2016, SOURCE, [...good, bad], db);
    if (!("diff" in preview)) throw new Error("expected a diff");
    await expect(applyBlsImport({ occupationId: career.id, kind: "metro", year: 2016, source: SOURCE, rows: [...good, bad], baseline: preview.baseline }, actor(), db)).rejects.toThrow();
    expect(await metroRows(career.id)).toEqual([]);
    expect(await db.select().from(metroAreas).where(eq(metroAreas.cbsaCode, "99903"))).toEqual([]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "career.bls_imported"), eq(auditEvents.subjectId, String(career.id))))).toEqual([]);

    // The same for the industry table, where the bad row comes after a change to an existing one.
    const seededIndustries = parseBlsCsv(
      "industry",
      ["NAICS_TITLE,TOT_EMP,PCT_OF_OCC,A_MEDIAN", ...CAREER_SEED_DATA.medicalRecordsIndustries.map((r) => `${r.industry},${r.jobs},${r.sharePercent},${r.annualMedianSalary}`)].join("\n"),
      SOC,
    ).rows;
    const p0 = await previewBlsImport(career.id, "industry", 2016, SOURCE, seededIndustries, db);
    if (!("diff" in p0)) throw new Error("expected a diff");
    await applyBlsImport({ occupationId: career.id, kind: "industry", year: 2016, source: SOURCE, rows: seededIndustries, baseline: p0.baseline }, actor(), db);
    const changed: IndustryImportRow[] = seededIndustries.map((r, i) => (i === 0 ? { ...r, employment: 1 } : r));
    const overflow: IndustryImportRow = { line: 99, naics: null, industry: "Overflow", employment: 5, sharePercent: 40_000, annualMedianSalary: 1 };
    const p1 = await previewBlsImport(career.id, "industry", 2016, SOURCE, [...changed, overflow], db);
    if (!("diff" in p1)) throw new Error("expected a diff");
    expect([p1.diff.changed.length, p1.diff.added.length]).toEqual([1, 1]);
    await expect(applyBlsImport({ occupationId: career.id, kind: "industry", year: 2016, source: SOURCE, rows: [...changed, overflow], baseline: p1.baseline }, actor(), db)).rejects.toThrow();
    const stored = await db.select().from(occupationIndustryStats).where(eq(occupationIndustryStats.occupationId, career.id));
    expect(stored).toHaveLength(8);
    expect(stored.find((r) => r.industry === "Hospitals")?.jobs).toBe(65_500);
  });

  it("industry import: renames by case, changes shares, removes what the file leaves out", async () => {
    const career = await newCareer("Industry Import");
    const v1 = parseBlsCsv("industry", "NAICS_TITLE,TOT_EMP,PCT_OF_OCC,A_MEDIAN\nHospitals,100,50,30000\nGovernment,50,25,40000", SOC).rows;
    const p1 = await previewBlsImport(career.id, "industry", 2020, SOURCE, v1, db);
    if (!("diff" in p1)) throw new Error("expected a diff");
    await applyBlsImport({ occupationId: career.id, kind: "industry", year: 2020, source: SOURCE, rows: v1, baseline: p1.baseline }, actor(), db);
    const v2 = parseBlsCsv("industry", "NAICS_TITLE,TOT_EMP,PCT_OF_OCC,A_MEDIAN\nHOSPITALS,100,55,30000", SOC).rows;
    const p2 = await previewBlsImport(career.id, "industry", 2020, SOURCE, v2, db);
    if (!("diff" in p2)) throw new Error("expected a diff");
    expect(p2.diff.changed[0]?.changes).toEqual([
      { field: "sharePercent", label: "Percent of the occupation's jobs", from: 50, to: 55 },
      { field: "industry", label: "Industry name", from: "Hospitals", to: "HOSPITALS" },
    ]);
    expect(p2.diff.removed.map((r) => r.label)).toEqual(["Government"]);
    await applyBlsImport({ occupationId: career.id, kind: "industry", year: 2020, source: SOURCE, rows: v2, baseline: p2.baseline }, actor(), db);
    const stored = await db
      .select({ industry: occupationIndustryStats.industry, share: occupationIndustryStats.sharePercent })
      .from(occupationIndustryStats)
      .where(eq(occupationIndustryStats.occupationId, career.id));
    expect(stored).toEqual([{ industry: "HOSPITALS", share: 55 }]);
  });
});
