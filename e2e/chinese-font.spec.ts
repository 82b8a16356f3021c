import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./hydrated";

// The self-hosted Chinese web font (app/fonts/noto-sans-sc.css): on this machine, which has no Chinese
// system font (fc-list :lang=zh lists none), a page with Chinese names draws them with the web font,
// downloaded from the app itself; an English page without Chinese downloads no font file at all.

/** Every font file the page asked for while loading, and where from. */
function recordFontRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font" || /\.woff2?(\?|$)/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

const loadedChineseFaces = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replaceAll('"', "") === "Noto Sans SC" && f.status === "loaded").length;
  });

test("a page with Chinese names loads the Chinese web font from the app itself", async ({ page, baseURL }) => {
  const fonts = recordFontRequests(page);
  await page.goto("/people");
  await expect(page.getByText("刘霞").first()).toBeVisible();
  expect(await loadedChineseFaces(page)).toBeGreaterThan(0);
  expect(fonts.length).toBeGreaterThan(0);
  for (const url of fonts) expect(url.startsWith(`${baseURL}/_next/static/`), url).toBe(true);
  // The characters are drawn in the web font, not as boxes: the name's width matches the font's.
  const rendered = await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', "刘霞"));
  expect(rendered).toBe(true);
  await page.screenshot({ path: "test-results/chinese-font-people.png" });
});

test("bold Chinese text is drawn with the font's bold face, not a synthetic bold", async ({ page }) => {
  await page.goto("/zh");
  await hydrated(page);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(/\p{Script=Han}/u);
  expect(Number(await heading.evaluate((h) => getComputedStyle(h).fontWeight))).toBeGreaterThanOrEqual(600);
  const weights = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replaceAll('"', "") === "Noto Sans SC" && f.status === "loaded").map((f) => f.weight);
  });
  expect(weights).toContain("700");
  expect(weights).toContain("400");
});

// The language switch names Chinese in Chinese (中文) on every English page, so the slices holding
// those two characters are the only font files an English page may fetch.
test("an English page without Chinese content downloads no font file beyond the language switch's", async ({ page }) => {
  const fonts = recordFontRequests(page);
  await page.goto("/method");
  await hydrated(page);
  await page.evaluate(async () => { await document.fonts.ready; });
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\p{Script=Han}/u);
  expect(fonts.length).toBeLessThanOrEqual(2);
});
