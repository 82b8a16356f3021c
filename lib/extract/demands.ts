// Proposes candidate demands from a statement's pasted text. It only suggests: a person confirms,
// edits, merges or discards every candidate before anything becomes a benchmark.
import type { Addressee } from "@/lib/domain";

export interface KnownBenchmark {
  id: number;
  title: string;
  demands: string[];
  subjectSlugs?: string[];
}

export interface KnownSubject {
  slug: string;
  kind: "person" | "law" | "practice";
  name: string;
  nameZh: string | null;
  aliases?: string[];
}

export interface KnownCategory {
  slug: string;
  name: string;
}

export interface ExtractionContext {
  benchmarks: KnownBenchmark[];
  subjects: KnownSubject[];
  categories: KnownCategory[];
}

export interface ExtractedDemand {
  text: string;
  category: string | null;
  addressee: Addressee | null;
  people: string[];
  laws: string[];
  matches: number[];
}

const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{0,3}|ix|x)[.)]|[-*•·–])\s+/i;
const IMPERATIVE = /^(?:release|free|repeal|abolish|amend|end|stop|allow|grant|guarantee|investigate|report|publish|ensure|establish|adopt|consult|close|condemn|urge|call|reaffirm|provide|disclose|protect|lift)\b/i;
const CALL = /\b(?:calls? (?:on|for|upon)|urges?|urging|demands?|must|should|ask(?:s|ed)? .{0,40}\bto\b|we (?:call|urge|ask|request)|appeals? to)\b|应当?|必须|要求|呼吁|敦促|释放|废除/i;

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Splits text into list items (wrapped lines joined) and prose sentences. */
function candidates(text: string): string[] {
  const pieces: string[] = [];
  let item: string | null = null;
  let prose: string[] = [];
  const flushProse = () => {
    const paragraph = clean(prose.join(" "));
    if (paragraph) pieces.push(...(paragraph.match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? []).map(clean));
    prose = [];
  };
  const flushItem = () => {
    if (item !== null) pieces.push(`\u0000${clean(item)}`);
    item = null;
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      flushItem();
      flushProse();
      continue;
    }
    if (LIST_MARKER.test(line)) {
      flushItem();
      flushProse();
      item = line.replace(LIST_MARKER, "");
    } else if (item !== null) {
      item += ` ${line.trim()}`;
    } else {
      prose.push(line);
    }
  }
  flushItem();
  flushProse();
  return pieces;
}

const CATEGORY_RULES: Array<[string, RegExp]> = [
  ["release-of-detained-people", /\b(?:release|free|detain\w*|imprison\w*|house arrest|parole|custody)\b/i],
  ["legal-reform", /\b(?:repeal|amend\w*|article \d+|law|laws|legislation|abolish\w*|criminal procedure)\b/i],
  ["end-of-abusive-practices", /\b(?:torture|secret detention|black jails?|solitary|ill-treatment|medical (?:care|treatment)|residential surveillance)\b/i],
  ["protection-of-defenders", /\b(?:reprisals?|safety|persecution|harass\w*|intimidat\w*)\b/i],
  ["transparency-and-reporting", /\b(?:report\w*|publish\w*|public(?:ly)?|press|disclose|inform\w*|transparen\w*)\b/i],
  ["civil-society-participation", /\b(?:consult\w*|civil society|participat\w*|take part)\b/i],
  ["international-access-and-accountability", /\b(?:special rapporteurs?|access|joint statement|council|member states)\b/i],
  ["benchmarks-and-follow-up", /\b(?:benchmarks?|evaluate|progress|follow[- ]up|commitments?)\b/i],
];

const ADDRESSEE_RULES: Array<[Addressee, RegExp]> = [
  ["both_governments", /\b(?:both governments|both sides|the two governments)\b/gi],
  ["un_human_rights_council", /\bthe (?:human rights )?council\b/gi],
  ["un_member_states", /\b(?:un member states|member states|delegations?)\b/gi],
  ["us_government", /\b(?:the us|the u\.s\.|united states|us government|us delegation|us officials|american officials|washington)\b/gi],
  ["chinese_government", /\b(?:chinese (?:government|authorities)|china|beijing|the authorities)\b/gi],
];

/**
 * Whom the ask is made of: the party just before "should/must", else the one just after "urge" or
 * "call on", else the first one named.
 */
function addresseeOf(text: string): Addressee | null {
  const found = ADDRESSEE_RULES.flatMap(([addressee, rule]) => [...text.matchAll(rule)].map((m) => ({ addressee, start: m.index, end: m.index + m[0].length })));
  if (found.length === 0) return null;
  const modal = /\b(?:should|must)\b/i.exec(text);
  if (modal) {
    const before = found.filter((f) => f.end <= modal.index).sort((a, b) => b.end - a.end)[0];
    if (before) return before.addressee;
  }
  const call = /\b(?:urges?|urging|calls? (?:on|upon)|asks?|appeals? to)\b/i.exec(text);
  if (call) {
    const after = found.filter((f) => f.start >= call.index).sort((a, b) => a.start - b.start)[0];
    if (after) return after.addressee;
  }
  return found.sort((a, b) => a.start - b.start)[0]!.addressee;
}

const STOPWORDS = new Set(
  "a an the of to for and or in on at by with from as is are be been was were that this these those it its their his her our we us they all any who which should must will would can could not no into over under since than then so such also".split(" "),
);

function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, "");
}

function tokens(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .map(stem),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function mentions(text: string, subject: KnownSubject): boolean {
  const names = [subject.name, ...(subject.aliases ?? [])].filter(Boolean);
  if (subject.nameZh && text.includes(subject.nameZh)) return true;
  return names.some((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text));
}

function isDemand(piece: string, listItem: boolean): boolean {
  if (piece.split(/\s+/).length < 5) return false;
  // A line ending in a colon introduces a list; the items are the demands.
  if (piece.endsWith(":")) return false;
  if (CALL.test(piece)) return true;
  return listItem && IMPERATIVE.test(piece);
}

export function extractDemands(text: string, context: ExtractionContext): ExtractedDemand[] {
  const knownCategories = new Set(context.categories.map((c) => c.slug));
  // Compared with the title and each recorded demand apart: one long concatenation would dilute a close match.
  const benchmarkTokens = context.benchmarks.map((b) => ({ id: b.id, texts: [b.title, ...b.demands].map(tokens), subjects: new Set(b.subjectSlugs ?? []) }));
  const results: ExtractedDemand[] = [];
  for (const raw of candidates(text)) {
    const listItem = raw.startsWith("\u0000");
    const piece = listItem ? raw.slice(1) : raw;
    if (!isDemand(piece, listItem)) continue;
    const named = context.subjects.filter((s) => mentions(piece, s));
    const people = named.filter((s) => s.kind === "person").map((s) => s.slug);
    const laws = named.filter((s) => s.kind !== "person").map((s) => s.slug);
    const own = tokens(piece);
    const matches = benchmarkTokens
      .map((b) => {
        const sharedSubject = named.some((s) => b.subjects.has(s.slug));
        const similarity = Math.max(...b.texts.map((t) => jaccard(own, t)));
        return { id: b.id, score: similarity + (sharedSubject ? 0.25 : 0), similarity, sharedSubject };
      })
      .filter((m) => m.similarity >= 0.3 || (m.sharedSubject && m.similarity >= 0.1))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 3)
      .map((m) => m.id);
    results.push({
      text: piece,
      category: CATEGORY_RULES.find(([slug, rule]) => knownCategories.has(slug) && rule.test(piece))?.[0] ?? null,
      addressee: addresseeOf(piece),
      people,
      laws,
      matches,
    });
  }
  return results;
}
