// Titles in the house style ("Release Gao Yu", "End black jails") and the demand restated as a
// sentence addressed to its party, from a candidate's text.
import type { Addressee } from "@/lib/domain";
import { toSimplified } from "./chinese";

const MAX_TITLE = 90;

export function joinNames(names: string[], lang: "en" | "zh"): string {
  if (lang === "zh") return names.join("、");
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const LEADS: RegExp[] = [
  // "We urge the US delegation to …", "Officials also call on Beijing to …"
  /^(?:.{0,80}?\b)?(?:urges?|urging|calls? on|calls? upon|asks?|appeals? to|requests?)\s+(?:the\s+)?[^,;]{0,60}?\s+to\s+/i,
  // "The Chinese government should …", "Both governments must …"
  /^(?:[\w.’'-]+\s+){0,6}?(?:should|must|shall)\s+(?:also\s+|immediately\s+|now\s+)?/i,
  // "The coalition calls for …", "It also urges an end to …"
  /^(?:.{0,60}?\b)?(?:calls? for|urges?|demands?|appeals? for|seeks?|recommends?)\s+/i,
];
const TAIL = /\s*(?:,?\s*(?:without (?:delay|conditions)|at once|immediately|unconditionally|now))+\s*$/i;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Cuts at a clause boundary (never mid-word, never with "…") to keep a title short. */
function shorten(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const within = text.slice(0, MAX_TITLE);
  const cut = Math.max(within.lastIndexOf(", "), within.lastIndexOf(" and "), within.lastIndexOf(" to "));
  return cut > 20 ? within.slice(0, cut) : within.slice(0, within.lastIndexOf(" "));
}

function englishTitle(text: string): string {
  let title = text.replace(/[.;:!?]+$/, "").trim();
  // "… urges an end to the use of X" → "End X", before a lead-in rule reads "an end" as whom it urges.
  title = title.replace(/^.{0,80}?\b(?:calls? for|urges?|urging|demands?|appeals? for|seeks?)\s+(?:an |the )?end to (?:the use of )?/i, "End ");
  for (const lead of title.startsWith("End ") ? [] : LEADS) {
    const next = title.replace(lead, "");
    if (next !== title && next.length >= 3) {
      title = next;
      break;
    }
  }
  title = title
    .replace(/^(?:an |the )?end to (?:the use of )?/i, "End ")
    .replace(/^(?:the )?(?:immediate )?release of /i, "Release ")
    .replace(/^(?:the )?repeal of /i, "Repeal ")
    .replace(/^that\s+/i, "")
    .replace(/ and to /g, " and ")
    .replace(TAIL, "");
  return capitalise(shorten(title.trim()));
}

const ZH_LEAD = /^.*?(?:呼吁|敦促|促请|吁请|要求|恳请)(?:中国政府|美国政府|当局|有关部门|双方|各方|两国政府)?/;
const ZH_SUBJECT_MODAL = /^(?:中国政府|美国政府|当局|有关部门|双方|各方|两国政府|中方|美方)?(?:应当|应该|必须|应)?(?:在[^，。]{0,12}?中)?/;

function chineseTitle(text: string): string {
  const simplified = toSimplified(text);
  // Same length: cut the statement's own characters (traditional stays traditional).
  const source = simplified.length === text.length ? text : simplified;
  let start = 0;
  const lead = ZH_LEAD.exec(simplified);
  if (lead && lead[0].length < simplified.length - 2) start = lead[0].length;
  const modal = ZH_SUBJECT_MODAL.exec(simplified.slice(start));
  if (modal && modal[0].length < simplified.length - start - 2) start += modal[0].length;
  let title = source.slice(start).replace(/^(?:立即|立刻|尽快|无条件|並|并|且|[，,：:、\s])+/, "");
  title = title.split(/[，,。；;！？]/)[0]!.replace(/^(?:立即|立刻|尽快|无条件)+/, "");
  return title.length > 40 ? title.slice(0, 40) : title;
}

/**
 * The title: "Release <names>" for a release, else the demand without its lead-in ("We urge X to",
 * "X should"), its first clause, with the people a pointing word refers to written out.
 */
export function titleOf(text: string, lang: "en" | "zh", category: string | null, names: string[], reference: string | null): string {
  const releasing = category === "release-of-detained-people" && names.length > 0 && (lang === "zh" ? /释放|放人/.test(toSimplified(text)) : /\b(?:release|free)\b/i.test(text));
  if (releasing) return lang === "zh" ? `释放${joinNames(names, lang)}` : `Release ${joinNames(names, lang)}`;
  const base = lang === "zh" ? chineseTitle(text) : englishTitle(text);
  if (names.length === 0 || reference === null) return base;
  if (reference === "__own__") return lang === "zh" ? `${base}（${names[0]}）` : `${base}: ${names[0]}`;
  const who = joinNames(names, lang);
  if (lang === "zh") return base.includes(reference) ? base.replace(reference, who) : `${base}（${who}）`;
  const possessive = new RegExp(`\\b(?:${reference})\\b`, "i");
  if (/^(?:their|his|her)$/i.test(reference)) return base.replace(possessive, `${who}’s`);
  return possessive.test(base) ? base.replace(possessive, who) : `${base}: ${who}`;
}

const SUBJECT_EN: Record<Addressee, string> = {
  chinese_government: "The Chinese government",
  us_government: "The US government",
  both_governments: "Both governments",
  un_member_states: "UN member states",
  un_human_rights_council: "The UN Human Rights Council",
  concerned_governments: "Concerned governments",
};
const SUBJECT_ZH: Record<Addressee, string> = {
  chinese_government: "中国政府",
  us_government: "美国政府",
  both_governments: "双方",
  un_member_states: "联合国成员国",
  un_human_rights_council: "联合国人权理事会",
  concerned_governments: "有关各国政府",
};
const VERB_FIRST = /^(?:release|free|repeal|abolish|amend|end|stop|allow|grant|guarantee|investigate|report|publish|ensure|establish|adopt|consult|close|condemn|provide|disclose|protect|lift|raise|hear|invite|let|tell|meet|hold|return|restore)\b/i;

/** The demand as one sentence addressed to its party: "The Chinese government should release Gao Yu." */
export function restate(title: string, lang: "en" | "zh", addressee: Addressee | null): string {
  if (lang === "zh") return `${addressee ? SUBJECT_ZH[addressee] : ""}应${title.replace(/^应/, "")}。`;
  // "Access for UN …" keeps its acronym; "Release …" reads "should release …".
  const lower = /^[A-Z](?:[a-z]|\s)/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  const ask = VERB_FIRST.test(title) ? lower : `ensure ${lower}`;
  return addressee ? `${SUBJECT_EN[addressee]} should ${ask}.` : `${capitalise(ask)}.`;
}
