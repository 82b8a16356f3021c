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
  // No hyphenation: a hyphen inside a Chinese name (or a benchmark title) would misquote it.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
