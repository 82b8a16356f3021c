import { expect, test, type CDPSession, type Page } from "@playwright/test";
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

/**
 * The visible elements whose own Chinese characters the browser drew with a font other than the web font
 * (on this machine, that font has no Chinese: the reader sees boxes). Chromium says which fonts drew an
 * element's text and how many glyphs each (CSS.getPlatformFontsForNode): every Chinese character must be a
 * glyph of Noto Sans SC. document.fonts only says that slices loaded, not that the text is drawn with them.
 */
async function chineseDrawnInAnotherFont(page: Page, cdp: CDPSession): Promise<string[]> {
  const marked = await page.evaluate(() => {
    let count = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest("script, style, noscript, option, template")) continue;
      const han = [...element.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.nodeValue ?? "").join("").match(/\p{Script=Han}/gu)?.length ?? 0;
      if (han > 0 && element.getClientRects().length > 0) {
        element.dataset.hanCount = String(han);
        count++;
      }
    }
    return count;
  });
  expect(marked, "the page shows Chinese text").toBeGreaterThan(0);
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-han-count]" });
  const wrong: string[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    const { attributes } = await cdp.send("DOM.getAttributes", { nodeId });
    const han = Number(attributes[attributes.indexOf("data-han-count") + 1]);
    const webFontGlyphs = fonts.filter((font) => font.familyName.startsWith("Noto Sans SC")).reduce((sum, font) => sum + font.glyphCount, 0);
    if (webFontGlyphs < han) {
      const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
      wrong.push(`${fonts.map((font) => `${font.familyName} ×${font.glyphCount}`).join(", ")}: ${outerHTML.slice(0, 120)}`);
    }
  }
  return wrong;
}

// Text laid out while its slice was still loading stayed in the fallback font (boxes) on these pages: the
// site's name, the first heading, the first filter label (components/ui/web-font-reshape.tsx).
for (const path of ["/zh", "/zh/people", "/zh/releases", "/zh/method", "/people"]) {
  test(`every Chinese character on ${path} is drawn with the web font, none as a box`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    await page.goto(path);
    await hydrated(page);
    await expect.poll(() => page.evaluate(async () => (await document.fonts.ready, document.fonts.status)), { timeout: 15_000 }).toBe("loaded");
    await expect.poll(() => chineseDrawnInAnotherFont(page, cdp), { timeout: 10_000 }).toEqual([]);
  });
}

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
