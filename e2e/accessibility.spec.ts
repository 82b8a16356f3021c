import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { hydrated } from "./hydrated";

const PAGES = [
  ["dashboard", "/"],
  ["filtered dashboard", "/?track=un-hrc&category=legal-reform"],
  ["round scorecard", "/rounds/hrc-37"],
  ["benchmark", "/benchmarks/release-liu-xia"],
  ["people index", "/people"],
  ["person", "/people/wang-quanzhang"],
  ["laws index", "/laws"],
  ["law", "/laws/rsdl-article-73"],
  ["statements index", "/statements"],
  ["statement", "/statements/lawyers-2015-statement"],
  ["method", "/method"],
  ["not found", "/benchmarks/no-such-benchmark"],
] as const;

for (const [name, path] of PAGES) {
  test(`the ${name} page has no axe-core violations`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}
