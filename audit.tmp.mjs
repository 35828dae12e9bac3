import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
const all = axe.getRules().filter((r) => !r.tags.includes("deprecated")).map((r) => r.ruleId);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const { devices } = await import("@playwright/test"); const p = await (await b.newContext(process.env.MOBILE ? devices["Pixel 7"] : {})).newPage();
for (const path of process.argv.slice(2)) {
  await p.goto("http://localhost:3461" + path);
  const r = await new AxeBuilder({ page: p }).withRules(all).analyze();
  for (const v of r.violations) console.log(path, v.id, v.impact, v.tags.filter(t=>/wcag|best|exper/.test(t)).join(","), v.nodes.length, v.nodes[0].target.join(" "), v.nodes[0].failureSummary.slice(0,200).replace(/\n/g," "));
}
await b.close();
