import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/a11y";
import { OPERATOR, signIn } from "./support/portal";

// Each step waits on a server action; on a busy machine one may take longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 150_000 });

// A fresh server migrates and seeds its database on first use; let that finish before signing in.
test.beforeAll(async ({ request }) => {
  expect((await request.get("/careers", { timeout: 120_000 })).ok()).toBe(true);
});


const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Adds a career on /ops/careers and returns its title and public address. */
async function addCareer(page: Page, name: string) {
  await page.goto("/ops/careers");
  const add = page.getByRole("form", { name: "Add a career" });
  await add.getByLabel("Title", { exact: true }).fill(name);
  await add.getByLabel("Short title").fill(name);
  await add.getByLabel("SOC 2018 code (optional)").fill("29-2072");
  await add.getByLabel("Summary").fill(`${name} keep coded records of patient care in good order.`);
  await add.getByRole("button", { name: "Create career" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  return { slug, profile: `/careers/${slug}`, editor: `/ops/careers/${slug}` };
}

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) };
}

test("an operator adds a career and edits it: messages on the fields, and the public profile changes at once", async ({ page, context }) => {
  const id = uid();
  const name = `Surgical Coders ${id}`;
  await signIn(page, OPERATOR);
  await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Careers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Careers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Medical Records and Health Information Technicians", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing filled in: told what is missing, nothing created.
  const add = page.getByRole("form", { name: "Add a career" });
  await add.getByRole("button", { name: "Create career" }).click();
  await expect(add.getByText("Enter the career's title.")).toBeVisible();
  await expect(add.getByText("Write a summary of at least 20 characters.")).toBeVisible();

  const { profile } = await addCareer(page, name);
  await expect(page.getByText("Career created. Write its sections below.")).toBeVisible();
  await expectNoAxeViolations(page);
  // A new profile is public at once, with only what has been written.
  await page.goto(profile);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Typical duties" })).toHaveCount(0);
  await page.goBack();

  const form = page.getByRole("form", { name: "Career profile" });
  await form.getByLabel("SOC 2010 code").fill("292071");
  await form.getByLabel("What the work involves (paragraphs)").fill("Surgical coders read operating notes.\n\nThey assign a code to every procedure.");
  await form.getByLabel("Typical duties (list)").fill("Read operative reports\nAssign procedure codes\nQuery surgeons when notes are unclear");
  await form.getByLabel("Working conditions (paragraphs)").fill("Most work in hospital offices or from home.");
  await form.getByLabel("Job outlook (paragraphs)").fill("Demand follows the number of operations performed.");
  await form.getByLabel("Training and education (paragraphs)").fill("A coding certificate and experience with surgical records.");
  await form.getByLabel("Employers (list)").fill("Hospitals\nAmbulatory surgery centers");
  await form.getByLabel("Certifications (one a line: ACRONYM | Name | description)").fill("COC | Certified Outpatient Coder");
  await form.getByLabel("First year", { exact: true }).fill("2014");
  await form.getByLabel("Jobs in the first year").fill("many");
  await form.getByRole("button", { name: "Save career" }).click();
  await expect(form.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(form.getByLabel("SOC 2010 code")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Write the SOC code as 00-0000.")).toBeVisible();
  await expect(form.getByText("Line 1: write it as ACRONYM | Name | description.")).toBeVisible();
  await expect(form.getByText("Enter the jobs in the first year, a whole number.")).toBeVisible();
  // What was typed is still there, and nothing reached the profile.
  await expect(form.getByLabel("Typical duties (list)")).toHaveValue(/Query surgeons/);
  const publicPage = await context.newPage();
  await publicPage.goto(profile);
  await expect(publicPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(publicPage.getByText("Surgical coders read operating notes.")).toHaveCount(0);

  await form.getByLabel("SOC 2010 code").fill("29-2071");
  await form.getByLabel("Certifications (one a line: ACRONYM | Name | description)").fill("COC | Certified Outpatient Coder | An AAPC credential for outpatient surgery coding.");
  await form.getByLabel("Jobs in the first year").fill("1,000");
  await form.getByLabel("Projected year").fill("2024");
  await form.getByLabel("Projected jobs").fill("1250");
  await form.getByLabel("Source of the projection").fill("U.S. Bureau of Labor Statistics, Employment Projections 2014-24");
  await form.getByRole("checkbox", { name: "Medical Records and Health Information Technicians" }).check();
  await form.getByRole("button", { name: "Save career" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved. The public profile shows the change now.");

  await page.goto(profile);
  await expect(page.getByText("Occupation codes: SOC 2010 29-2071 · SOC 2018 29-2072")).toBeVisible();
  await expect(page.getByText("They assign a code to every procedure.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Typical duties" }).getByRole("listitem")).toHaveText([
    "Read operative reports",
    "Assign procedure codes",
    "Query surgeons when notes are unclear",
  ]);
  await expect(page.getByRole("region", { name: "Certification" })).toContainText("Certified Outpatient Coder (COC)");
  await expect(page.getByRole("region", { name: "Job outlook" })).toContainText("from 1,000 jobs in 2014 to a projected 1,250 in 2024");
  await expect(page.getByRole("region", { name: "Related careers" }).getByRole("link")).toHaveText(["Medical Records and Health Information Technicians"]);

  // A second edit shows on the profile on the next visit, no waiting.
  await page.goBack();
  await form.getByLabel("Summary").fill(`Revised: ${name} turn surgery notes into codes.`);
  await form.getByRole("button", { name: "Save career" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved. The public profile shows the change now.");
  await page.goto(profile);
  await expect(page.getByText(`Revised: ${name} turn surgery notes into codes.`)).toBeVisible();

  // Each change is in the audit log.
  await page.goto("/ops/audit?action=career.");
  const log = page.getByRole("table");
  await expect(log.getByRole("row").filter({ hasText: "career.created" }).first()).toBeVisible();
  await expect(log.getByRole("row").filter({ hasText: "career.updated" }).first()).toBeVisible();
});

test("an operator imports BLS figures: problems by line, a preview of the changes, and the profile shows them once applied", async ({ page, context }) => {
  const id = uid();
  const name = `Cancer Registrars ${id}`;
  const code = `9${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const metro = `Testville ${id}-Exampleton, ZZ`;
  await signIn(page, OPERATOR);
  const { profile, editor } = await addCareer(page, name);
  await page.goto(editor);
  await page.getByRole("link", { name: "Import BLS figures (CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import BLS figures: ${name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "metro area sample CSV" })).toHaveAttribute("href", "/samples/bls-metro-areas.csv");
  await expectNoAxeViolations(page);
  const upload = page.getByRole("form", { name: "Upload BLS figures" });

  // A file with mistakes: every problem listed by line and column, nothing saved.
  await upload.getByLabel("CSV file").setInputFiles(
    csvFile("bad.csv", [
      "AREA,AREA_TITLE,OCC_CODE,TOT_EMP,A_MEDIAN",
      `31080,"Los Angeles-Long Beach-Anaheim, CA",29-2072,"1,200","$52,000"`,
      `3108,"Somewhere, CA",29-2072,100,40000`,
      `19100,"Dallas-Fort Worth-Arlington, TX",29-1141,100,40000`,
      `38060,"Phoenix-Mesa-Scottsdale, AZ",29-2072,**,40000`,
    ]),
  );
  await upload.getByRole("button", { name: "Preview changes" }).click();
  await expect(upload.getByRole("alert")).toHaveText("The file has 3 problems; nothing was changed. Correct them and upload the file again.");
  const problems = upload.getByRole("table", { name: /Problems in the file/ });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText("3AREAUse the 5-digit metro area (CBSA) code");
  await expect(problems.getByRole("row").nth(2)).toContainText("4OCC_CODEThis row is for occupation 29-1141");
  await expect(problems.getByRole("row").nth(3)).toContainText("5TOT_EMPBLS did not publish this employment figure (**)");
  await expectNoAxeViolations(page);

  // Too large: refused with the limit named.
  await upload.getByLabel("CSV file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(600 * 1024, "a") });
  await upload.getByRole("button", { name: "Preview changes" }).click();
  await expect(upload.getByText("The file is larger than 512 KB. Upload one occupation's rows only.")).toBeVisible();
  await expect(upload.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");

  // A good file: the preview lists the rows it adds; nothing is saved yet.
  await upload.getByLabel("Survey year").fill("2023");
  await upload.getByLabel("Source").fill("U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023");
  await upload.getByLabel("CSV file").setInputFiles(
    csvFile("metro.csv", [
      "AREA,AREA_TITLE,OCC_CODE,TOT_EMP,H_MEDIAN,A_MEDIAN,LOC_QUOTIENT",
      `31080,"Los Angeles-Long Beach-Anaheim, CA",29-2072,"1,200",25.00,"$52,000",1.1`,
      `${code},"${metro}",29-2072,340,20.19,"42,000",0.7`,
    ]),
  );
  await upload.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByRole("region", { name: "Preview: metro areas, 2023" });
  await expect(preview.getByRole("status")).toHaveText("Preview: 2 added, 0 changed, 0 removed. Nothing is saved until you apply it.");
  const added = preview.getByRole("table", { name: "Rows added (2)" });
  await expect(added.getByRole("row").nth(1)).toContainText("Los Angeles-Long Beach-Anaheim, CA (31080)1,200$52,000");
  await expect(added.getByRole("row").nth(2)).toContainText(`${metro} (${code})340$42,000`);
  await expectNoAxeViolations(page);
  const publicPage = await context.newPage();
  await publicPage.goto(profile);
  await expect(publicPage.getByRole("heading", { name: "Where the jobs are: metro areas" })).toHaveCount(0);

  await preview.getByRole("button", { name: "Apply these changes" }).click();
  await expect(preview.getByRole("status").last()).toHaveText("Applied: 2 added, 0 changed, 0 removed. The public profile shows the new figures now.");
  await publicPage.reload();
  const metros = publicPage.getByRole("region", { name: "Where the jobs are: metro areas" });
  await expect(metros.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(metros.getByRole("row", { name: /Los Angeles-Long Beach-Anaheim, CA/ })).toContainText("1,200$52,000");
  await expect(metros.getByRole("row", { name: new RegExp(metro) })).toContainText("Testville " + id + ", Exampleton");
  await expect(metros).toContainText("May 2023");
  // The seeded career's Los Angeles row is its own.
  await publicPage.goto("/careers/medical-records-and-health-information-technicians");
  await expect(publicPage.getByRole("row", { name: /Los Angeles-Long Beach-Anaheim, CA/ })).toContainText("7,700");

  // Second file, on a freshly loaded form: one change (old → new) and one removal. Previewed twice, in two tabs.
  await page.reload();
  await upload.getByLabel("Survey year").fill("2023");
  await upload.getByLabel("Source").fill("U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023");
  const second = csvFile("metro-2.csv", ["AREA,AREA_TITLE,TOT_EMP,A_MEDIAN", `31080,"Los Angeles-Long Beach-Anaheim, CA",1300,"53,500"`]);
  await upload.getByLabel("CSV file").setInputFiles(second);
  await upload.getByRole("button", { name: "Preview changes" }).click();
  await expect(preview.getByRole("status")).toHaveText("Preview: 0 added, 1 changed, 1 removed. Nothing is saved until you apply it.");
  await expect(preview.getByRole("table", { name: "Rows changed (1)" })).toContainText("Employment: 1,200 → 1,300");
  await expect(preview.getByRole("table", { name: "Rows changed (1)" })).toContainText("Annual median wage: $52,000 → $53,500");
  await expect(preview.getByRole("table", { name: "Rows removed (1)" })).toContainText(metro);

  const other = await context.newPage();
  await other.goto(page.url());
  const otherUpload = other.getByRole("form", { name: "Upload BLS figures" });
  await otherUpload.getByLabel("Survey year").fill("2023");
  await otherUpload.getByLabel("Source").fill("U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023");
  await otherUpload.getByLabel("CSV file").setInputFiles(csvFile("metro-3.csv", ["AREA,AREA_TITLE,TOT_EMP,A_MEDIAN", `31080,"Los Angeles-Long Beach-Anaheim, CA",1400,"54,000"`]));
  await otherUpload.getByRole("button", { name: "Preview changes" }).click();
  const otherPreview = other.getByRole("region", { name: "Preview: metro areas, 2023" });
  await expect(otherPreview.getByRole("status")).toContainText("1 changed, 1 removed");

  // The first tab applies; the second tab's preview is now stale and is refused without effect.
  await preview.getByRole("button", { name: "Apply these changes" }).click();
  await expect(preview.getByRole("status").last()).toHaveText("Applied: 0 added, 1 changed, 1 removed. The public profile shows the new figures now.");
  await otherPreview.getByRole("button", { name: "Apply these changes" }).click();
  await expect(otherPreview.getByRole("alert")).toHaveText(
    "These figures changed after your preview (another import or edit). Preview the file again before applying it.",
  );
  await publicPage.goto(profile);
  await expect(publicPage.getByRole("region", { name: "Where the jobs are: metro areas" }).getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(publicPage.getByRole("row", { name: /Los Angeles-Long Beach-Anaheim, CA/ })).toContainText("1,300$53,500");

  // The industry table.
  await page.reload();
  await upload.getByLabel("Survey year").fill("2023");
  await upload.getByLabel("Source").fill("U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2023");
  await upload.getByLabel("Table").selectOption({ label: "Industries" });
  await upload.getByLabel("CSV file").setInputFiles(
    csvFile("industries.csv", ["NAICS,NAICS_TITLE,TOT_EMP,PCT_TOTAL,PCT_OF_OCC,A_MEDIAN", `622000,Hospitals,"5,000",0.1,62,"$48,000"`, `621100,Physicians' offices,"3,000",0.1,38,"$41,000"`]),
  );
  await upload.getByRole("button", { name: "Preview changes" }).click();
  const industryPreview = page.getByRole("region", { name: "Preview: industries, 2023" });
  await expect(industryPreview.getByRole("table", { name: "Rows added (2)" })).toContainText("Hospitals5,00062%$48,000");
  await industryPreview.getByRole("button", { name: "Apply these changes" }).click();
  await expect(industryPreview.getByRole("status").last()).toContainText("Applied: 2 added");
  await publicPage.goto(profile);
  await expect(publicPage.getByRole("region", { name: "Industries that employ them" }).getByRole("row", { name: /Hospitals/ })).toContainText("5,000");

  await page.goto("/ops/audit?action=career.bls_imported");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "career.bls_imported" })).not.toHaveCount(0);
});
