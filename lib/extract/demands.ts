// Proposes candidate demands from a statement's pasted text, reading the whole statement: the people
// a demand points back to ("their release", 上述人士), names not yet in the database, a title in the
// house style and the benchmark it likely repeats. It only suggests: a person confirms, edits, merges
// or discards every candidate and every new name before anything is created.
import type { Addressee } from "@/lib/domain";
import { glossaryWords, HAS_CJK, toSimplified, ZH_DEMAND } from "./chinese";
import { proposeNewNames, mentions, type ProposedSubject } from "./names";
import { clean, segment, type Piece } from "./segments";
import { restate, titleOf } from "./titles";

export type { ProposedSubject } from "./names";

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
  confidential?: boolean;
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

export interface BenchmarkMatch {
  id: number;
  /** 0–1: the words shared with the benchmark's title or a recorded demand, more when they name the same person or law. */
  similarity: number;
}

export interface PersonCandidate {
  slug: string;
  title: string;
  restated: string;
  match: BenchmarkMatch | null;
}

export interface ExtractedDemand {
  /** The sentence or list item as the statement puts it. */
  text: string;
  lang: "en" | "zh";
  title: string;
  restated: string;
  category: string | null;
  addressee: Addressee | null;
  people: string[];
  laws: string[];
  /** Likely existing benchmarks it repeats, best first (ids). */
  matches: number[];
  match: BenchmarkMatch | null;
  /** The words that point back to people named elsewhere ("their", "these cases", 上述人士). */
  reference: string | null;
  /** Set when a pointing word could not be resolved to one clear group of people. */
  unresolved: string | null;
  /** One candidate per person, when the demand concerns several people (the reviewer may take them apart). */
  perPerson: PersonCandidate[];
}

export interface Extraction {
  demands: ExtractedDemand[];
  /** Every known person and law the statement names, in the order it first names them. */
  named: string[];
  newSubjects: ProposedSubject[];
}

const IMPERATIVE = /^(?:release|free|repeal|abolish|amend|end|stop|allow|grant|guarantee|investigate|report|publish|ensure|establish|adopt|consult|close|condemn|urge|call|reaffirm|provide|disclose|protect|lift|raise|hear|invite)\b/i;
const CALL = /\b(?:calls? (?:on|for|upon)|urges?|urging|demands?|must|should|ask(?:s|ed)? .{0,40}\bto\b|we (?:call|urge|ask|request|recommend)|appeals? (?:to|for)|recommends?)\b/i;
// A list item that names what is asked for without a verb: "Release of …", "An end to …", "Access for …".
const DEMAND_NOUN = /^(?:the |an? )?(?:release|end|repeal|abolition|access|public report|report|publication|investigation|guarantee|return|right|freedom|stop|closure|lifting|consultation|meeting|visit)s?\b/i;
const REQUEST_LEAD_IN = /\b(?:requests?|demands?|recommendations?|calls?|asks?|urges?|should|must|we (?:call|urge|ask))\b|要求|呼吁|敦促|促请|建议/i;

// Words that point back to people named elsewhere; singular ones want one person.
const EN_PLURAL_REFERENCE = /\b(?:these (?:cases|people|individuals|defenders|lawyers|activists|prisoners)|those (?:held|detained|named)|the (?:\w+ )?(?:above|above-named|aforementioned)(?: \w+)?|them|their)\b/i;
const EN_SINGULAR_REFERENCE = /\b(?:him|his|her)\b/i;
const ZH_PLURAL_REFERENCE = /上述(?:人士|人员|律师|各人|案件)?|以上(?:人士|人员|各人)|这些(?:人士|人|律师|案件)|他们|她们/;
const ZH_SINGULAR_REFERENCE = /(?<![其])[他她](?![们人])/;

const CATEGORY_RULES: Array<[string, RegExp]> = [
  ["release-of-detained-people", /\b(?:release|free|detain\w*|imprison\w*|house arrest|parole|custody)\b|释放|羁押|拘押|关押|软禁|监禁/i],
  ["legal-reform", /\b(?:repeal|amend\w*|article \d+|law|laws|legislation|abolish\w*|criminal procedure)\b|废除|修改|修订|法律|条例|刑法|刑事诉讼法/i],
  ["end-of-abusive-practices", /\b(?:torture|secret detention|black jails?|solitary|ill-treatment|medical (?:care|treatment)|residential surveillance)\b|酷刑|黑监狱|指定居所监视居住|强迫失踪/i],
  ["protection-of-defenders", /\b(?:reprisals?|safety|persecution|harass\w*|intimidat\w*|whereabouts|(?:meet|see) (?:a |his |her |their )?lawyers?)\b|骚扰|报复|恐吓|会见权|维权人士/i],
  ["transparency-and-reporting", /\b(?:report\w*|publish\w*|public(?:ly)?|press|disclose|inform\w*|transparen\w*)\b|公开|发布|公布|透明/i],
  ["civil-society-participation", /\b(?:consult\w*|civil society|participat\w*|take part)\b|民间团体|公民社会|非政府组织|听取/i],
  ["international-access-and-accountability", /\b(?:special rapporteurs?|access|joint statement|council|member states)\b|特别报告员|联合国|人权理事会/i],
  ["benchmarks-and-follow-up", /\b(?:benchmarks?|evaluate|progress|follow[- ]up|commitments?)\b|基准|承诺|进展/i],
];

const ADDRESSEE_RULES: Array<[Addressee, RegExp]> = [
  ["concerned_governments", /\b(?:concerned governments|governments concerned|all governments)\b|有关各国政府|各国政府/gi],
  ["both_governments", /\b(?:both governments|both sides|the two governments)\b|双方|两国政府/gi],
  ["un_human_rights_council", /\bthe (?:human rights )?council\b|人权理事会/gi],
  ["un_member_states", /\b(?:un member states|member states|delegations?)\b|成员国|会员国/gi],
  ["us_government", /\b(?:the us|the u\.s\.|united states|us government|us delegation|us officials|american officials|washington)\b|美国政府|美方|美国/gi],
  ["chinese_government", /\b(?:chinese (?:government|authorities)|china|beijing|the authorities)\b|中国政府|中方|当局|有关部门|北京/gi],
];

/**
 * Whom the ask is made of: the party just before "should/must" (应), else the one just after "urge"
 * or "call on" (呼吁, 敦促), else the first one named.
 */
function addresseeOf(text: string): Addressee | null {
  const found = ADDRESSEE_RULES.flatMap(([addressee, rule]) => [...text.matchAll(rule)].map((m) => ({ addressee, start: m.index, end: m.index + m[0].length })));
  if (found.length === 0) return null;
  const modal = /\b(?:should|must)\b|应当?|必须/i.exec(text);
  if (modal) {
    const before = found.filter((f) => f.end <= modal.index).sort((a, b) => b.end - a.end)[0];
    if (before) return before.addressee;
  }
  const call = /\b(?:urges?|urging|calls? (?:on|upon)|asks?|appeals? to)\b|呼吁|敦促|促请|要求/i.exec(text);
  if (call) {
    const after = found.filter((f) => f.start >= call.index).sort((a, b) => a.start - b.start)[0];
    if (after) return after.addressee;
  }
  return found.sort((a, b) => a.start - b.start)[0]!.addressee;
}

const STOPWORDS = new Set(
  "a an the of to for and or in on at by with from as is are be been was were that this these those it its their his her him them our we us they all any who which should must will would can could not no into over under since than then so such also".split(" "),
);
// Words that say the same thing in benchmarks: "a public report" repeats "publish the results".
const SAME_AS: Record<string, string> = { public: "publish", publicly: "publish", report: "publish", every: "each", free: "release", abolish: "repeal", ngo: "civil" };

function stem(word: string): string {
  const stemmed = word.replace(/(?:ing|ed|es|s)$/, "");
  return SAME_AS[word] ?? SAME_AS[stemmed] ?? stemmed;
}

function tokens(text: string): Set<string> {
  const words = HAS_CJK.test(text) ? `${text} ${glossaryWords(toSimplified(text))}` : text;
  return new Set(
    words
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .replace(/[\u3400-\u9fff]+/g, " ")
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

interface ReadPiece extends Piece {
  simplified: string;
  lang: "en" | "zh";
  named: KnownSubject[];
}

function isDemand(piece: ReadPiece): boolean {
  const { text, simplified, listItem, leadIn, lang } = piece;
  if (/[:：]$/.test(text)) return false;
  // Mixed text ("当局应释放刘霞 and end …") is a demand when either language's words say so.
  const chinese = (simplified.match(/[\u4e00-\u9fff]/g) ?? []).length >= 4 && ZH_DEMAND.test(simplified);
  if (lang === "zh" || chinese) return chinese;
  const words = text.split(/\s+/).length;
  if (words >= 5 && CALL.test(text)) return true;
  if (!listItem || words < 2) return false;
  return IMPERATIVE.test(text) || DEMAND_NOUN.test(text) || (leadIn !== null && REQUEST_LEAD_IN.test(leadIn) && words >= 3);
}

/** The people a pointing word refers to: the nearest piece (or list) before it naming people, else one just after. */
function resolveReference(pieces: ReadPiece[], blocks: Map<number, KnownSubject[]>, at: number, plural: boolean): KnownSubject[] | null {
  const peopleAt = (i: number): KnownSubject[] => {
    const piece = pieces[i]!;
    // A list of names counts as one group.
    if (piece.listItem && piece.block !== null) return blocks.get(piece.block) ?? [];
    return piece.named.filter((s) => s.kind === "person");
  };
  const order = [at - 1, at - 2, at - 3, at - 4, at + 1, at + 2].filter((i) => i >= 0 && i < pieces.length);
  for (const i of order) {
    if (pieces[i]!.block !== null && pieces[i]!.block === pieces[at]!.block) continue;
    const people = peopleAt(i);
    if (people.length === 0) continue;
    return plural === people.length >= 2 ? people : null;
  }
  return null;
}

interface BenchmarkTokens {
  id: number;
  texts: Array<Set<string>>;
  subjects: Set<string>;
}

// Compared with the title and each recorded demand apart: one long concatenation would dilute a close match.
function benchmarkTokens(context: ExtractionContext): BenchmarkTokens[] {
  return context.benchmarks.map((b) => ({ id: b.id, texts: [b.title, ...b.demands].map(tokens), subjects: new Set(b.subjectSlugs ?? []) }));
}

function bestMatches(benchmarks: BenchmarkTokens[], own: Set<string>, named: string[]): BenchmarkMatch[] {
  return benchmarks
    .map((b) => {
      const sharedSubject = named.some((s) => b.subjects.has(s));
      const similarity = Math.max(...b.texts.map((t) => jaccard(own, t)));
      return { id: b.id, similarity, score: similarity + (sharedSubject ? 0.25 : 0), sharedSubject };
    })
    .filter((m) => m.similarity >= 0.3 || (m.sharedSubject && m.similarity >= 0.1))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, 3)
    .map((m) => ({ id: m.id, similarity: Math.round(Math.min(1, m.score) * 100) / 100 }));
}

/** The known people and laws a piece names, in the order it names them. */
function namedIn(text: string, simplified: string, subjects: KnownSubject[]): KnownSubject[] {
  const at = (s: KnownSubject) => {
    const zh = s.nameZh ? simplified.indexOf(toSimplified(s.nameZh)) : -1;
    const en = [s.name, ...(s.aliases ?? [])].map((n) => text.toLowerCase().indexOf(n.toLowerCase())).filter((i) => i >= 0);
    return Math.min(...[zh, ...en].filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  };
  return subjects.filter((s) => mentions(text, simplified, s)).sort((a, b) => at(a) - at(b));
}

export function extractStatement(text: string, context: ExtractionContext): Extraction {
  const knownCategories = new Set(context.categories.map((c) => c.slug));
  const known = benchmarkTokens(context);
  const pieces: ReadPiece[] = segment(text).map((p) => {
    const simplified = toSimplified(p.text);
    return { ...p, simplified, lang: HAS_CJK.test(p.text) && (simplified.match(/[\u4e00-\u9fff]/g) ?? []).length * 2 > p.text.replace(/\s/g, "").length ? "zh" : "en", named: namedIn(p.text, simplified, context.subjects) };
  });
  const blocks = new Map<number, KnownSubject[]>();
  for (const p of pieces) {
    if (p.block === null) continue;
    const people = [...(blocks.get(p.block) ?? []), ...p.named.filter((s) => s.kind === "person")];
    blocks.set(p.block, [...new Map(people.map((s) => [s.slug, s])).values()]);
  }
  const demands: ExtractedDemand[] = [];
  pieces.forEach((piece, at) => {
    if (!isDemand(piece)) return;
    const ownPeople = piece.named.filter((s) => s.kind === "person");
    const laws = piece.named.filter((s) => s.kind !== "person").map((s) => s.slug);
    let people = ownPeople;
    let reference: string | null = null;
    let unresolved: string | null = null;
    if (ownPeople.length === 0) {
      const plural = piece.lang === "zh" ? ZH_PLURAL_REFERENCE.exec(piece.simplified) : EN_PLURAL_REFERENCE.exec(piece.text);
      const singular = plural ? null : piece.lang === "zh" ? ZH_SINGULAR_REFERENCE.exec(piece.simplified) : EN_SINGULAR_REFERENCE.exec(piece.text);
      const word = plural?.[0] ?? singular?.[0] ?? null;
      if (word) {
        const resolved = resolveReference(pieces, blocks, at, plural !== null);
        if (resolved) {
          people = resolved;
          reference = word;
        } else unresolved = word;
      }
    }
    // Addressed in the list's lead-in ("We call on the Chinese government to:") when the item names no one.
    const addressee = addresseeOf(piece.simplified) ?? (piece.leadIn ? addresseeOf(toSimplified(piece.leadIn)) : null);
    const category = CATEGORY_RULES.find(([slug, rule]) => knownCategories.has(slug) && rule.test(piece.simplified))?.[0] ?? null;
    const slugs = people.map((s) => s.slug);
    const names = (list: KnownSubject[]) => list.map((s) => (piece.lang === "zh" ? (s.nameZh ?? s.name) : s.name));
    const own = tokens(`${piece.text} ${people.map((s) => s.name).join(" ")} ${piece.named.filter((s) => s.kind !== "person").map((s) => s.name).join(" ")}`);
    const matches = bestMatches(known, own, [...slugs, ...laws]);
    const title = titleOf(piece.text, piece.lang, category, names(people), reference);
    const perPerson =
      people.length >= 2
        ? people.map((person) => {
            const personTitle = titleOf(piece.text, piece.lang, category, names([person]), reference ?? "__own__");
            const personTokens = tokens(`${personTitle} ${person.name}`);
            return { slug: person.slug, title: personTitle, restated: restate(personTitle, piece.lang, addressee), match: bestMatches(known, personTokens, [person.slug, ...laws])[0] ?? null };
          })
        : [];
    demands.push({
      text: clean(piece.text),
      lang: piece.lang,
      title,
      restated: restate(title, piece.lang, addressee),
      category,
      addressee,
      people: slugs,
      laws,
      matches: matches.map((m) => m.id),
      match: matches[0] ?? null,
      reference,
      unresolved,
      perPerson,
    });
  });
  return { demands, named: [...new Set(pieces.flatMap((p) => p.named.map((s) => s.slug)))], newSubjects: proposeNewNames(pieces, context.subjects) };
}

export function extractDemands(text: string, context: ExtractionContext): ExtractedDemand[] {
  return extractStatement(text, context).demands;
}
