// Finding the names of confidential people, laws and benchmarks inside free text, and withholding
// them. Matching ignores case, accents, full-width forms and how the parts of a name are spaced or
// joined ("Gao Yu", "GAO  yu", "Gao-Yu", "GaoYu", "Gāo Yǔ"); Latin-script names match whole words
// only ("Li" is not found in "Libya", "Liu Xia" not in "Liu Xiaobo"), Chinese names anywhere, since
// Chinese text has no spaces between words. One trie of every name's words and characters serves them all.

export const NAME_WITHHELD = "[name withheld]";
export const LINK_WITHHELD = "[link withheld]";

/** The markers as a Chinese export says them: a text withheld in the database reads "[name withheld]" until it is shown. */
const WITHHELD_ZH: ReadonlyArray<[string, string]> = [
  [NAME_WITHHELD, "［姓名已隐去］"],
  [LINK_WITHHELD, "［链接已隐去］"],
];

/** A public text with its withheld-name markers in the reader's language. */
export function withheldMarkersIn(lang: "en" | "zh", text: string): string {
  return lang === "zh" ? WITHHELD_ZH.reduce((out, [marker, chinese]) => out.replaceAll(marker, chinese), text) : text;
}

/** A confidential item and every name it goes by. */
export interface WithheldItem {
  names: readonly string[];
}

/** Where a name was found: offsets in the original text, and which items go by that name. */
export interface NameMatch {
  start: number;
  end: number;
  items: number[];
}

export interface NameMatcher {
  /** True when there is no name to look for: every text passes unchanged. */
  readonly isEmpty: boolean;
  /** One word or character of each name, for a quick LIKE filter before the exact match. */
  readonly anchors: readonly string[];
  names(text: string): NameMatch[];
  /** The text with every name replaced by NAME_WITHHELD. */
  redact(text: string): string;
  redact(text: string | null): string | null;
  /** LINK_WITHHELD for an address that contains a name (also %-encoded), else the address. */
  redactUrl(url: string): string;
  redactUrl(url: string | null): string | null;
}

/** Names shorter than this (after folding, separators left out) would withhold single letters or characters everywhere. */
export const MIN_NAME_LENGTH = 2;

// Scripts written without spaces between words: a name in them needs no word boundary.
const UNSPACED = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}`;
const WORD_CHAR = String.raw`[[\p{L}\p{N}]--[${UNSPACED}]]`;
// What may stand between the parts of a name: spaces of any kind, hyphens and dashes, dots, middle dots.
const SEPARATOR = String.raw`[\s\p{Pd}\p{Pc}.,·・‧'’]*`;
const UNIT = new RegExp(String.raw`[${UNSPACED}]|${WORD_CHAR}+`, "gv");
const UNSPACED_CHAR = new RegExp(`^[${UNSPACED}]$`, "v");
const ASCII = /^[\x00-\x7f]*$/;
const DROPPED = /[\p{M}\p{Cf}]/gu;

/** Lower case, accents and format characters removed, compatibility forms (full width) unfolded. */
function foldChunk(text: string): string {
  return text.normalize("NFKD").replace(DROPPED, "").toLowerCase();
}

function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : foldChunk(text);
}

/**
 * The folded text with, for each of its UTF-16 units, the offsets of the original character it
 * came from, so that a match in the folded text maps back to the original.
 */
function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  if (ASCII.test(text)) {
    const offsets = Array.from({ length: text.length }, (_, i) => i);
    return { folded: text.toLowerCase(), starts: offsets, ends: offsets.map((i) => i + 1) };
  }
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const part = foldChunk(char);
    folded += part;
    for (let k = 0; k < part.length; k++) {
      starts.push(i);
      ends.push(i + char.length);
    }
    i += char.length;
  }
  return { folded, starts, ends };
}

/** A name as the sequence of its words (Latin and other spaced scripts) and characters (Chinese and other unspaced scripts). */
function unitsOf(name: string): string[] {
  return fold(name).match(UNIT) ?? [];
}

const isWordUnit = (unit: string) => !UNSPACED_CHAR.test(unit);

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The key of the name that ends here. */
  terminal: string | null;
  /** The children by the first UTF-16 unit of their unit, longest unit first, so that "Liu Xiaobo" wins over "Liu Xia". */
  byFirst: Map<string, Array<[string, TrieNode]>>;
}

const newNode = (): TrieNode => ({ children: new Map(), terminal: null, byFirst: new Map() });

function indexChildren(node: TrieNode): void {
  const sorted = [...node.children.entries()].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  for (const entry of sorted) {
    const bucket = node.byFirst.get(entry[0][0]!) ?? [];
    bucket.push(entry);
    node.byFirst.set(entry[0][0]!, bucket);
    indexChildren(entry[1]);
  }
}

// Small sticky patterns read one position of the folded text; the names themselves are walked in a trie.
// (One alternation of every name, as this was first written, costs V8 tens of seconds to compile at a
// thousand names: the word-boundary class is rebuilt for every alternative.)
const WORD_CHAR_AT = new RegExp(WORD_CHAR, "vy");
const WORD_CHAR_BEFORE = new RegExp(`(?<=${WORD_CHAR})`, "vy");
const SEPARATORS_AT = new RegExp(SEPARATOR, "vy");

function wordCharAt(text: string, at: number): boolean {
  WORD_CHAR_AT.lastIndex = at;
  return WORD_CHAR_AT.test(text);
}

function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  WORD_CHAR_BEFORE.lastIndex = at;
  return WORD_CHAR_BEFORE.test(text);
}

function afterSeparators(text: string, at: number): number {
  SEPARATORS_AT.lastIndex = at;
  SEPARATORS_AT.test(text);
  return SEPARATORS_AT.lastIndex;
}

/**
 * The name that continues at `at` below `node` (reached by `lastUnit`): the longest continuation first,
 * else the name ending here, if it ends on a word boundary (a Latin-script name) or at all (a Chinese one).
 */
function walk(text: string, node: TrieNode, lastUnit: string, at: number): { end: number; key: string } | null {
  if (node.byFirst.size > 0) {
    const next = afterSeparators(text, at);
    for (const [unit, child] of node.byFirst.get(text[next]!) ?? []) {
      if (!text.startsWith(unit, next)) continue;
      const found = walk(text, child, unit, next + unit.length);
      if (found) return found;
    }
  }
  if (node.terminal !== null && (!isWordUnit(lastUnit) || !wordCharAt(text, at))) return { end: at, key: node.terminal };
  return null;
}

export function compileNameMatcher(items: readonly WithheldItem[]): NameMatcher {
  const root = newNode();
  const itemsOfName = new Map<string, number[]>();
  const anchors = new Set<string>();
  items.forEach((item, index) => {
    for (const name of item.names) {
      const units = unitsOf(name);
      if (units.join("").length < MIN_NAME_LENGTH) continue;
      const key = units.join(" ");
      const owners = itemsOfName.get(key) ?? [];
      if (!owners.includes(index)) owners.push(index);
      itemsOfName.set(key, owners);
      anchors.add(units.reduce((a, b) => (b.length > a.length ? b : a)));
      let node = root;
      for (const unit of units) {
        if (!node.children.has(unit)) node.children.set(unit, newNode());
        node = node.children.get(unit)!;
      }
      node.terminal = key;
    }
  });
  if (root.children.size === 0) return EMPTY_MATCHER;
  indexChildren(root);

  /** Every name in a folded text, left to right, none overlapping; a Latin-script name starts a word. */
  const scan = (folded: string, first = false): Array<{ start: number; end: number; key: string }> => {
    const found: Array<{ start: number; end: number; key: string }> = [];
    for (let at = 0; at < folded.length; ) {
      const bucket = root.byFirst.get(folded[at]!);
      let match: { end: number; key: string } | null = null;
      // A word unit starts only where a word starts; a character of an unspaced script anywhere.
      if (bucket && !(wordCharAt(folded, at) && wordCharBefore(folded, at))) {
        for (const [unit, child] of bucket) {
          if (!folded.startsWith(unit, at)) continue;
          match = walk(folded, child, unit, at + unit.length);
          if (match) break;
        }
      }
      if (match) {
        found.push({ start: at, ...match });
        if (first) return found;
        at = match.end;
      } else at++;
    }
    return found;
  };

  const names = (text: string): NameMatch[] => {
    if (scan(fold(text), true).length === 0) return [];
    const { folded, starts, ends } = foldWithOffsets(text);
    return scan(folded).map((m) => ({ start: starts[m.start]!, end: ends[m.end - 1]!, items: itemsOfName.get(m.key) ?? [] }));
  };

  function redact(text: string): string;
  function redact(text: string | null): string | null;
  function redact(text: string | null): string | null {
    if (!text) return text;
    const found = names(text);
    if (found.length === 0) return text;
    let out = "";
    let at = 0;
    for (const m of found) {
      out += text.slice(at, m.start) + NAME_WITHHELD;
      at = m.end;
    }
    return out + text.slice(at);
  }

  function redactUrl(url: string): string;
  function redactUrl(url: string | null): string | null;
  function redactUrl(url: string | null): string | null {
    if (!url) return url;
    return names(url).length > 0 || names(decodeLeniently(url)).length > 0 ? LINK_WITHHELD : url;
  }

  return { isEmpty: false, anchors: [...anchors], names, redact, redactUrl };
}

/** %-escapes decoded where they form valid UTF-8; a broken one is left as it is. */
function decodeLeniently(url: string): string {
  return url.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function identity<T>(value: T): T {
  return value;
}

const EMPTY_MATCHER: NameMatcher = { isEmpty: true, anchors: [], names: () => [], redact: identity, redactUrl: identity };

/** The text around a match, for a reviewer: about `radius` characters either side, cut at a space where there is one. */
export function excerptAround(text: string, match: { start: number; end: number }, radius = 60): { before: string; match: string; after: string } {
  let from = Math.max(0, match.start - radius);
  let to = Math.min(text.length, match.end + radius);
  const space = text.indexOf(" ", from);
  if (from > 0 && space >= 0 && space < match.start) from = space + 1;
  const lastSpace = text.lastIndexOf(" ", to);
  if (to < text.length && lastSpace >= match.end) to = lastSpace;
  return {
    before: `${from > 0 ? "…" : ""}${text.slice(from, match.start)}`,
    match: text.slice(match.start, match.end),
    after: `${text.slice(match.end, to)}${to < text.length ? "…" : ""}`,
  };
}
