export function chineseRanges(unicodeRange: string): string[];
export function buildFontCss(readCss: (name: string) => string): string;
export const FONT_CSS_PATH: string;
export function readPackageCss(name: string): string;
