// The Chinese web font's CSS: generated from the package as it is installed, and cut to the Chinese
// blocks, so an English page never matches a slice and downloads nothing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildFontCss, chineseRanges, FONT_CSS_PATH, readPackageCss } from "./cjk-font-css.mjs";

describe("the Chinese web font's CSS", () => {
  it("is what the generator makes of the installed package (rerun scripts/cjk-font-css.mjs after an upgrade)", () => {
    expect(readFileSync(FONT_CSS_PATH, "utf8")).toBe(buildFontCss(readPackageCss));
  });

  it("covers every Han character of the seed's Chinese titles and names, and nothing below the Chinese blocks", () => {
    const css = readFileSync(FONT_CSS_PATH, "utf8");
    const ranges = [...css.matchAll(/unicode-range:([^}]+)/g)].flatMap((m) => m[1]!.split(",")).map((r) => r.replace("U+", "").split("-").map((h) => parseInt(h, 16)));
    const covered = (c: number) => ranges.some(([lo, hi]) => c >= lo! && c <= (hi ?? lo!));
    for (const ch of "解除对刘霞的软禁释放许志永普遍定期审议人权理事会第届会议，（）") expect(covered(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of "Aa1 .,;:!?'\"-–—“”‘’·•●◐○▲▼✓€£%&@#") expect(covered(ch.codePointAt(0)!), ch).toBe(false);
    expect(Math.min(...ranges.map(([lo]) => lo!))).toBeGreaterThanOrEqual(0x2e80);
  });

  it("addresses only woff2 files inside the package, nothing fetched from elsewhere", () => {
    const urls = [...readFileSync(FONT_CSS_PATH, "utf8").matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) expect(url).toMatch(/^\.\.\/\.\.\/node_modules\/@fontsource\/noto-sans-sc\/files\/noto-sans-sc-\d+-(400|700)-normal\.woff2$/);
  });

  it("has a bold face for every regular slice, over the same characters", () => {
    const faces = [...readFileSync(FONT_CSS_PATH, "utf8").matchAll(/font-weight:(\d+);src:url\("[^"]+-(\d+)-\d+-normal\.woff2"\)[^;]*;unicode-range:([^}]+)/g)].map((m) => ({ weight: m[1], slice: m[2], range: m[3] }));
    const of = (weight: string) => new Map(faces.filter((f) => f.weight === weight).map((f) => [f.slice, f.range]));
    expect(of("400").size).toBeGreaterThan(50);
    expect(of("700")).toEqual(of("400"));
  });

  it("cuts a slice's ranges to the Chinese blocks", () => {
    expect(chineseRanges("U+20-7e,U+4e00-4e0f,U+1f600")).toEqual(["U+4e00-4e0f"]);
    expect(chineseRanges("U+2e00-2f00,U+ff01")).toEqual(["U+2e80-2f00", "U+ff01"]);
    expect(chineseRanges("U+0-ff")).toEqual([]);
  });
});
