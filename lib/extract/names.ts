// People named in a statement: the known ones (by English name, alias or Chinese name in simplified
// or traditional characters) and new ones to propose, with the sentence that names them.
import nlp from "compromise";
import { chineseNamesByRole, toSimplified } from "./chinese";
import type { KnownSubject } from "./demands";

export interface ProposedSubject {
  /** The name as written (Chinese names in simplified characters). */
  name: string;
  kind: "person" | "organisation";
  lang: "en" | "zh";
  /** What the statement says they are ("a Swedish publisher", 律师), when it says. */
  role: string | null;
  /** The sentence or list item that names them. */
  sentence: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function mentions(text: string, simplified: string, subject: KnownSubject): boolean {
  if (subject.nameZh && simplified.includes(toSimplified(subject.nameZh))) return true;
  const names = [subject.name, ...(subject.aliases ?? [])].filter(Boolean);
  return names.some((name) => new RegExp(`\\b${escape(name)}\\b`, "i").test(text));
}

const ORGANISATION = /\b(?:[Tt]he\s+)?((?!The\b)(?:[A-Z][\w’'-]+\s+){1,5}(?:Network|Coalition|Association|Alliance|Foundation|Centre|Center|Committee|Union|Watch|Society|Institute|Federation|Forum))\b/g;
const CAPITALISED_RUN = /\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)+/gu;
// Words that begin a capitalised run without being part of a name.
const NOT_A_NAME = /^(?:The|A|An|We|Our|They|Their|It|This|These|Among|Release|Free|Both|UN|US|Chinese|Beijing|China|President|Minister|Mr|Ms|Dr)$/;

function roleBeside(sentence: string, name: string): string | null {
  const after = new RegExp(`${escape(name)},\\s+((?:an?|the)\\s+[^,.;:]{3,60})`).exec(sentence);
  if (after) return after[1]!.trim();
  const before = new RegExp(`\\bthe\\s+((?:[a-z-]+\\s){0,2}(?:lawyer|blogger|journalist|activist|publisher|bookseller|scholar|writer|pastor|student|organiser|monitor|defender))\\s+${escape(name)}`).exec(sentence);
  return before ? before[1]!.trim() : null;
}

function knownName(name: string, subjects: KnownSubject[]): boolean {
  const lower = name.toLowerCase();
  return subjects.some((s) => {
    const all = [s.name, ...(s.aliases ?? [])].map((n) => n.toLowerCase());
    return all.some((n) => n === lower || n.includes(lower) || lower.includes(n)) || (s.nameZh !== null && toSimplified(s.nameZh) === name);
  });
}

/** A capitalised run with a few words either side: enough for compromise to read it as a name or not. */
function snippet(text: string, at: number, run: string): string {
  const before = text.slice(0, at).split(/\s+/).slice(-4).join(" ");
  const after = text.slice(at + run.length).split(/\s+/).slice(0, 4).join(" ");
  return `${before} ${run} ${after}`.replace(/[.!?;:]/g, ",").trim();
}

export function proposeNewNames(pieces: Array<{ text: string; simplified: string; lang: "en" | "zh" }>, subjects: KnownSubject[]): ProposedSubject[] {
  const proposed = new Map<string, ProposedSubject & { order: number }>();
  const propose = (subject: ProposedSubject, order: number) => {
    if (!proposed.has(subject.name) && !knownName(subject.name, subjects)) proposed.set(subject.name, { ...subject, order });
  };
  // compromise costs about 50 µs a character: it reads each distinct capitalised run once, with a few
  // words of context, rather than the whole statement.
  const runs = new Map<string, string>();
  pieces.forEach((piece, i) => {
    if (piece.lang === "zh") {
      for (const { name, role } of chineseNamesByRole(piece.simplified)) propose({ name, kind: "person", lang: "zh", role, sentence: piece.text }, i * 1000);
      return;
    }
    for (const m of piece.text.matchAll(ORGANISATION)) propose({ name: m[1]!.trim(), kind: "organisation", lang: "en", role: null, sentence: piece.text }, i * 1000 + m.index);
    for (const m of piece.text.matchAll(CAPITALISED_RUN)) if (!runs.has(m[0]) && !knownName(m[0], subjects)) runs.set(m[0], snippet(piece.text, m.index, m[0]));
  });
  const found = runs.size ? (nlp([...runs.values()].join(".\n")).people().out("array") as string[]) : [];
  for (const raw of found) {
    const name = raw.replace(/[’']s$/, "").replace(/[^\p{L}\s’'-]+/gu, " ").trim().replace(/\s+/g, " ");
    const words = name.split(" ");
    if (words.length < 2 || words.length > 4 || words.some((w) => !/^\p{Lu}/u.test(w) || NOT_A_NAME.test(w))) continue;
    if ([...proposed.values()].some((p) => p.kind === "organisation" && p.name.includes(name))) continue;
    const at = pieces.findIndex((p) => p.lang === "en" && p.text.includes(name));
    if (at < 0) continue;
    propose({ name, kind: "person", lang: "en", role: roleBeside(pieces[at]!.text, name), sentence: pieces[at]!.text }, at * 1000 + pieces[at]!.text.indexOf(name));
  }
  return [...proposed.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...subject }) => subject);
}
