// A font with Chinese glyphs, shipped by an npm package and embedded as a subset: names such as
// 刘霞 must survive in the PDF, and nothing may be fetched at run time.
import path from "node:path";
import { Font } from "@react-pdf/renderer";

const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
let registered = false;

export const PDF_FONT = "Noto Sans SC";

export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: PDF_FONT,
    fonts: [
      { src: path.join(FONT_DIR, "400Regular/NotoSansSC_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "700Bold/NotoSansSC_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(breakOpportunities);
  registered = true;
}

/** Han, kana, CJK punctuation and full-width forms: scripts written without spaces between words. */
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u312F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
/** A line may not begin with these (closing punctuation)… */
const NO_BREAK_BEFORE = /[，。、；：！？）」』》〉】〕”’…·,.;:!?)\]}]/u;
/** …nor end with these (opening punctuation). */
const NO_BREAK_AFTER = /[（「『《〈【〔“‘([{]/u;

/**
 * Where react-pdf may break a "word" (a run without spaces). Latin words are never split: a hyphen
 * inside a name or a benchmark title would misquote it. Chinese has no spaces, so a long Chinese
 * title would be one unbreakable word running out of its cell: it may break between any two
 * characters, except before closing and after opening punctuation. The break is an empty part
 * after a character: react-pdf's line breaker treats it as zero-width glue, a break without a
 * hyphen (a break between two non-empty parts would insert one).
 */
export function breakOpportunities(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const chars = Array.from(word);
  const parts: string[] = [];
  let current = "";
  chars.forEach((ch, i) => {
    current += ch;
    const next = chars[i + 1];
    if (next === undefined) return;
    const breakable = (CJK.test(ch) || CJK.test(next)) && !NO_BREAK_BEFORE.test(next) && !NO_BREAK_AFTER.test(ch);
    if (breakable) {
      parts.push(current, "");
      current = "";
    }
  });
  parts.push(current);
  return parts;
}
