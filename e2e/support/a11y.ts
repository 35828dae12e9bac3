import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import { expect, type Page } from "@playwright/test";

/**
 * Every rule axe-core has, at every level: WCAG 2.0-2.2 A, AA and AAA (enhanced contrast, target
 * size, identical link purpose), best practices and the experimental rules. Only rules axe itself
 * has deprecated are left out.
 */
export const ALL_AXE_RULES = axe
  .getRules()
  .filter((rule) => !rule.tags.includes("deprecated"))
  .map((rule) => rule.ruleId);

/**
 * Fails with one readable line per violation: where, which rule, and the first offending element.
 * `include` narrows the scan to one part of the page (an open dialog, say).
 *
 * axe runs in the page itself ("legacy mode") rather than collecting its results in a second, blank
 * page, which takes about 40 % off each scan. That second page exists for cross-origin frames,
 * which this app has none of. (axe's `resultTypes: ["violations"]` would save more, but it drops
 * AAA contrast failures; the sweep's guard test in a11y.spec.ts catches that.)
 */
export async function expectNoAxeViolations(page: Page, where = new URL(page.url()).pathname, { include }: { include?: string } = {}) {
  let builder = new AxeBuilder({ page }).withRules(ALL_AXE_RULES).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const lines = results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact ?? "?"}) on ${v.nodes.length} element(s), first ${v.nodes[0]?.target.join(" ") ?? "?"}`,
  );
  expect(lines, `axe violations on ${where}`).toEqual([]);
}
