import "server-only";
// For editors: every public text that names a confidential item, and their decisions on it. Public
// surfaces withhold those names on their own (db/queries/public-text.ts); this list shows where
// they were, so an editor can check each text and hide a record whose context still gives the
// person away (a statement, a restated demand, a dated event, a benchmark). Texts written or
// edited after a decision come back as not reviewed: the decision remembers the text's hash.
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { CodedRefusal } from "@/lib/refusal";
import type { SubjectEventKind } from "@/lib/domain";
import { excerptAround, type NameMatch, type NameMatcher } from "@/lib/redaction";
import { iterateRows, likeIgnoringCase, sqlBoolean, firstRow } from "../dialect";
import { benchmarks, benchmarkSources, redactions, statements, subjectEvents, subjects, users } from "../schema";
import type { Executor } from "../transaction";
import { compileWithheldNames, listWithheldItems, type WithheldItemSummary } from "./withheld-names";

export const RECORD_KINDS = ["statement", "signatory", "benchmark_source", "subject_event", "benchmark", "subject", "score", "evidence"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Records a decision can take off the public site (a benchmark by marking it confidential). */
export const HIDEABLE_KINDS: readonly RecordKind[] = ["statement", "benchmark_source", "subject_event", "benchmark"];

/** The fields whose text the list reads; the page names each in its language (catalogue confidentialTexts.field). */
export const TEXT_FIELDS = ["title", "summary", "source_url", "slug", "name", "name_zh", "role", "article", "description", "demand", "retired_reason", "rationale", "url"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** How the list names a record: its parts, which the page puts into words in its language. */
export type RecordLabel =
  | { kind: "title"; title: string }
  | { kind: "signatory"; statement: string; position: number }
  | { kind: "source"; benchmark: string; statement: string }
  | { kind: "event"; subject: string; event: SubjectEventKind; date: string }
  | { kind: "score"; benchmark: string; round: string }
  | { kind: "evidence"; benchmark: string; round: string };
/** Fields holding an address: the whole link is withheld, and a slug is not rewritten at all. */
const URL_FIELDS = new Set(["source_url", "url"]);

export interface TextRecord {
  kind: RecordKind;
  /** The record as the form names it: "statement:12", "benchmark_source:4:7". */
  key: string;
  label: RecordLabel;
  href: string | null;
  withheld: boolean;
  fields: Partial<Record<TextField, string | null>>;
}

/** A public (or editor-hidden) record's texts, read a kind at a time; `anchors` narrow the long tables in SQL. */
type Loader = (db: Executor, where: { id?: string; anchors?: readonly string[] }) => Iterable<TextRecord>;

const [NO, YES] = [sqlBoolean(false), sqlBoolean(true)];
const PUBLIC_BENCHMARK = `b.confidential = ${NO} AND b.id NOT IN (SELECT bs.benchmark_id FROM benchmark_subjects bs JOIN subjects s ON s.id = bs.subject_id WHERE s.confidential = ${YES})`;
const subjectPath = (kind: string, slug: string) => `/${kind === "person" ? "people" : "laws"}/${slug}`;
const title = (text: string): RecordLabel => ({ kind: "title", title: text });
const sourceLabel = (benchmark: string, statement: string): RecordLabel => ({ kind: "source", benchmark, statement });
const eventLabel = (subject: string, event: string, date: string): RecordLabel => ({ kind: "event", subject, event: event as SubjectEventKind, date });

/** SQL that keeps rows where one of the columns contains one of the anchors, ignoring ASCII case. */
function anchorFilter(columns: string[], anchors: readonly string[] | undefined, params: unknown[]): string {
  if (!anchors) return "";
  params.push(...columns.flatMap(() => anchors.map((a) => `%${a.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)));
  return ` AND (${columns.flatMap((c) => anchors.map(() => likeIgnoringCase(c))).join(" OR ")})`;
}

const rows = iterateRows;

const LOADERS: Record<RecordKind, Loader> = {
  *statement(db, { id }) {
    const params: unknown[] = id ? [Number(id)] : [];
    for (const s of rows<{ id: number; slug: string; title: string; summary: string; sourceUrl: string | null; withheld: number }>(
      db,
      `SELECT id, slug, title, summary, source_url AS sourceUrl, withheld FROM statements WHERE ${YES} ${id ? "AND id = ?" : ""} ORDER BY date, id`,
      params,
    )) {
      yield { kind: "statement", key: `statement:${s.id}`, label: title(s.title), href: s.withheld ? null : `/statements/${s.slug}`, withheld: !!s.withheld, fields: { title: s.title, summary: s.summary, source_url: s.sourceUrl, slug: s.slug } };
    }
  },
  *signatory(db, { id }) {
    for (const s of rows<{ id: number; name: string; role: string | null; position: number; title: string; slug: string; withheld: number }>(
      db,
      `SELECT g.id, g.name, g.role, g.position, s.title, s.slug, s.withheld FROM statement_signatories g JOIN statements s ON s.id = g.statement_id WHERE ${YES} ${id ? "AND g.id = ?" : ""} ORDER BY s.date, s.id, g.position`,
      id ? [Number(id)] : [],
    )) {
      yield { kind: "signatory", key: `signatory:${s.id}`, label: { kind: "signatory", statement: s.title, position: s.position }, href: s.withheld ? null : `/statements/${s.slug}`, withheld: !!s.withheld, fields: { name: s.name, role: s.role } };
    }
  },
  *benchmark_source(db, { id, anchors }) {
    const params: unknown[] = [];
    let where = "";
    if (id) {
      const [benchmarkId, statementId] = id.split(":").map(Number);
      where = " AND bs.benchmark_id = ? AND bs.statement_id = ?";
      params.push(benchmarkId, statementId);
    }
    where += anchorFilter(["bs.demand"], anchors, params);
    for (const r of rows<{ benchmarkId: number; statementId: number; demand: string; withheld: number; title: string; slug: string; statementTitle: string; statementWithheld: number }>(
      db,
      `SELECT bs.benchmark_id AS benchmarkId, bs.statement_id AS statementId, bs.demand, bs.withheld, b.title, b.slug, s.title AS statementTitle, s.withheld AS statementWithheld
         FROM benchmark_sources bs JOIN benchmarks b ON b.id = bs.benchmark_id JOIN statements s ON s.id = bs.statement_id
        WHERE ${PUBLIC_BENCHMARK}${where} ORDER BY b.title, s.date`,
      params,
    )) {
      // Hidden itself, or with its statement: either way the public does not see it.
      const href = r.withheld || r.statementWithheld ? null : `/benchmarks/${r.slug}`;
      yield { kind: "benchmark_source", key: `benchmark_source:${r.benchmarkId}:${r.statementId}`, label: sourceLabel(r.title, r.statementTitle), href, withheld: !!r.withheld, fields: { demand: r.demand } };
    }
  },
  *subject_event(db, { id }) {
    for (const e of rows<{ id: number; kind: string; occurredOn: string; description: string; sourceUrl: string | null; withheld: number; name: string; subjectKind: string; slug: string }>(
      db,
      `SELECT e.id, e.kind, e.occurred_on AS occurredOn, e.description, e.source_url AS sourceUrl, e.withheld, s.name, s.kind AS subjectKind, s.slug
         FROM subject_events e JOIN subjects s ON s.id = e.subject_id WHERE s.confidential = ${NO} ${id ? "AND e.id = ?" : ""} ORDER BY s.name, e.occurred_on, e.id`,
      id ? [Number(id)] : [],
    )) {
      yield { kind: "subject_event", key: `subject_event:${e.id}`, label: eventLabel(e.name, e.kind, e.occurredOn), href: subjectPath(e.subjectKind, e.slug), withheld: !!e.withheld, fields: { description: e.description, source_url: e.sourceUrl } };
    }
  },
  *benchmark(db, { id, anchors }) {
    const params: unknown[] = id ? [Number(id)] : [];
    const where = (id ? " AND b.id = ?" : "") + anchorFilter(["b.title", "b.retired_reason", "b.slug"], anchors, params);
    for (const b of rows<{ id: number; slug: string; title: string; retiredReason: string | null }>(
      db,
      `SELECT b.id, b.slug, b.title, b.retired_reason AS retiredReason FROM benchmarks b WHERE ${PUBLIC_BENCHMARK}${where} ORDER BY b.title, b.id`,
      params,
    )) {
      yield { kind: "benchmark", key: `benchmark:${b.id}`, label: title(b.title), href: `/benchmarks/${b.slug}`, withheld: false, fields: { title: b.title, retired_reason: b.retiredReason, slug: b.slug } };
    }
  },
  *subject(db, { id }) {
    for (const s of rows<{ id: number; slug: string; kind: string; name: string; nameZh: string | null; role: string | null; article: string | null; description: string }>(
      db,
      `SELECT id, slug, kind, name, name_zh AS nameZh, role, article, description FROM subjects WHERE confidential = ${NO} ${id ? "AND id = ?" : ""} ORDER BY name, id`,
      id ? [Number(id)] : [],
    )) {
      yield { kind: "subject", key: `subject:${s.id}`, label: title(s.name), href: subjectPath(s.kind, s.slug), withheld: false, fields: { name: s.name, name_zh: s.nameZh, role: s.role, article: s.article, description: s.description, slug: s.slug } };
    }
  },
  *score(db, { id, anchors }) {
    const params: unknown[] = id ? [Number(id)] : [];
    const where = (id ? " AND a.id = ?" : "") + anchorFilter(["a.rationale"], anchors, params);
    for (const r of rows<{ id: number; rationale: string; title: string; slug: string; roundName: string; roundSlug: string }>(
      db,
      `SELECT a.id, a.rationale, b.title, b.slug, r.name AS roundName, r.slug AS roundSlug
         FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id
        WHERE r.published_at IS NOT NULL AND ${PUBLIC_BENCHMARK}${where} ORDER BY b.title, r.start_date`,
      params,
    )) {
      yield { kind: "score", key: `score:${r.id}`, label: { kind: "score", benchmark: r.title, round: r.roundName }, href: `/benchmarks/${r.slug}#round-${r.roundSlug}`, withheld: false, fields: { rationale: r.rationale } };
    }
  },
  *evidence(db, { id, anchors }) {
    const params: unknown[] = id ? [Number(id)] : [];
    const where = (id ? " AND e.id = ?" : "") + anchorFilter(["e.title", "e.url"], anchors, params);
    for (const e of rows<{ id: number; title: string; url: string; benchmarkTitle: string; slug: string; roundName: string; roundSlug: string }>(
      db,
      `SELECT e.id, e.title, e.url, b.title AS benchmarkTitle, b.slug, r.name AS roundName, r.slug AS roundSlug
         FROM evidence_links e JOIN published_scores ps ON ps.assessment_id = e.assessment_id JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id
        WHERE r.published_at IS NOT NULL AND ${PUBLIC_BENCHMARK}${where} ORDER BY b.title, r.start_date, e.id`,
      params,
    )) {
      yield { kind: "evidence", key: `evidence:${e.id}`, label: { kind: "evidence", benchmark: e.benchmarkTitle, round: e.roundName }, href: `/benchmarks/${e.slug}#round-${e.roundSlug}`, withheld: false, fields: { title: e.title, url: e.url } };
    }
  },
};

/** Past this many anchors, a LIKE per anchor and row costs more than matching every row in JavaScript. */
const MAX_SQL_ANCHORS = 16;

export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Names found in a field: an address is also read %-decoded. */
export function namesIn(matcher: NameMatcher, field: string, text: string): { text: string; found: NameMatch[] } {
  const found = matcher.names(text);
  if (found.length > 0 || !URL_FIELDS.has(field)) return { text, found };
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    /* a broken %-escape: read as written */
  }
  return { text: decoded, found: matcher.names(decoded) };
}

export interface Review {
  decision: "redact" | "hide";
  decidedAt: string;
  decidedBy: string;
  /** The text changed after the decision: read it again. */
  changedSince: boolean;
}

export interface ConfidentialTextMatch {
  item: { kind: WithheldItemSummary["kind"]; slug: string; label: string };
  record: { kind: RecordKind; key: string; label: RecordLabel; href: string | null };
  field: TextField;
  excerpt: { before: string; match: string; after: string };
  occurrences: number;
  textHash: string;
  review: Review | null;
  hideable: boolean;
  /** False for an address (slug): it is not rewritten, only hiding the record takes it off. */
  redactable: boolean;
  withheld: boolean;
}

export interface HiddenRecord {
  kind: RecordKind;
  key: string;
  label: RecordLabel;
}

async function readReviews(db: Executor): Promise<Map<string, Omit<Review, "changedSince"> & { textHash: string }>> {
  const reviews = await db
    .select({
      kind: redactions.recordKind,
      id: redactions.recordId,
      field: redactions.field,
      decision: redactions.decision,
      textHash: redactions.textHash,
      decidedAt: redactions.decidedAt,
      decidedBy: sql<string>`coalesce(${users.name}, ${redactions.decidedBy})`,
    })
    .from(redactions)
    .leftJoin(users, eq(users.id, redactions.decidedBy));
  return new Map(reviews.map((r) => [`${r.kind}:${r.id}/${r.field}`, { decision: r.decision, textHash: r.textHash, decidedAt: r.decidedAt, decidedBy: r.decidedBy }]));
}

/**
 * Every public text (and every text an editor hid) that names a confidential item: one entry per
 * record, field and item, with the first place it is named. `items` narrows to some items (the one
 * just marked); `limit` caps the list.
 */
export async function listConfidentialNameMatches(
  db: Executor,
  options: { items?: WithheldItemSummary[]; limit?: number } = {},
): Promise<{ items: WithheldItemSummary[]; matches: ConfidentialTextMatch[]; truncated: boolean; hidden: HiddenRecord[] }> {
  const items = options.items ?? (await listWithheldItems(db));
  const limit = options.limit ?? 1000;
  const matcher = compileWithheldNames(items);
  const reviews = await readReviews(db);
  const matches: ConfidentialTextMatch[] = [];
  let truncated = false;
  const anchors = matcher.anchors.length <= MAX_SQL_ANCHORS ? matcher.anchors : undefined;
  // No await inside the scan: each loader streams its rows on the connection until it is done.
  scan: for (const kind of matcher.isEmpty ? [] : RECORD_KINDS) {
    for (const record of LOADERS[kind](db, { anchors })) {
      for (const [field, stored] of Object.entries(record.fields)) {
        if (!stored) continue;
        const { text, found } = namesIn(matcher, field, stored);
        const byItem = new Map<number, NameMatch[]>();
        for (const m of found) for (const i of m.items) byItem.set(i, [...(byItem.get(i) ?? []), m]);
        for (const [i, places] of byItem) {
          if (matches.length >= limit) {
            truncated = true;
            break scan;
          }
          const hash = textHash(stored);
          const review = reviews.get(`${record.key}/${field}`);
          const item = items[i]!;
          matches.push({
            item: { kind: item.kind, slug: item.slug, label: item.label },
            record: { kind: record.kind, key: record.key, label: record.label, href: record.href },
            field: field as TextField,
            excerpt: excerptAround(text, places[0]!),
            occurrences: places.length,
            textHash: hash,
            review: review ? { decision: review.decision, decidedAt: review.decidedAt, decidedBy: review.decidedBy, changedSince: review.textHash !== hash } : null,
            hideable: HIDEABLE_KINDS.includes(record.kind),
            redactable: field !== "slug",
            withheld: record.withheld,
          });
        }
      }
    }
  }
  return { items, matches, truncated, hidden: await listHiddenRecords(db) };
}

/** Statements, restated demands and events an editor hid, whatever they name now. */
export async function listHiddenRecords(db: Executor): Promise<HiddenRecord[]> {
  const [hiddenStatements, sources, events] = await Promise.all([
    db.select({ id: statements.id, title: statements.title }).from(statements).where(eq(statements.withheld, true)).orderBy(asc(statements.date), asc(statements.id)),
    db
      .select({ benchmarkId: benchmarkSources.benchmarkId, statementId: benchmarkSources.statementId, title: benchmarks.title, statementTitle: statements.title })
      .from(benchmarkSources)
      .innerJoin(benchmarks, eq(benchmarks.id, benchmarkSources.benchmarkId))
      .innerJoin(statements, eq(statements.id, benchmarkSources.statementId))
      .where(eq(benchmarkSources.withheld, true))
      .orderBy(asc(benchmarks.title)),
    db
      .select({ id: subjectEvents.id, kind: subjectEvents.kind, occurredOn: subjectEvents.occurredOn, name: subjects.name })
      .from(subjectEvents)
      .innerJoin(subjects, eq(subjects.id, subjectEvents.subjectId))
      .where(eq(subjectEvents.withheld, true))
      .orderBy(asc(subjects.name), asc(subjectEvents.occurredOn)),
  ]);
  return [
    ...hiddenStatements.map((s) => ({ kind: "statement" as const, key: `statement:${s.id}`, label: title(s.title) })),
    ...sources.map((r) => ({ kind: "benchmark_source" as const, key: `benchmark_source:${r.benchmarkId}:${r.statementId}`, label: sourceLabel(r.title, r.statementTitle) })),
    ...events.map((e) => ({ kind: "subject_event" as const, key: `subject_event:${e.id}`, label: eventLabel(e.name, e.kind, e.occurredOn) })),
  ];
}

/** How many public texts name the item: what the editor is told on marking it confidential. */
export async function countPublicTextsNaming(db: Executor, item: WithheldItemSummary): Promise<number> {
  const { matches } = await listConfidentialNameMatches(db, { items: [item], limit: 10_000 });
  return new Set(matches.filter((m) => !m.withheld).map((m) => `${m.record.key}/${m.field}`)).size;
}

export class RedactionError extends CodedRefusal {}

/** A record key from the form ("statement:12", "benchmark_source:4:7") as its kind and id. */
export function parseRecordKey(key: string): { kind: RecordKind; id: string } {
  const at = key.indexOf(":");
  const kind = key.slice(0, at) as RecordKind;
  if (at < 0 || !RECORD_KINDS.includes(kind)) throw new RedactionError("chooseText", "Choose a text from the list.");
  return { kind, id: key.slice(at + 1) };
}

/** One record's texts as the list shows them, or undefined when it is not on the public site (any more). */
export async function getTextRecord(db: Executor, kind: RecordKind, id: string): Promise<TextRecord | undefined> {
  return [...LOADERS[kind](db, { id })][0];
}

/** An editor's earlier decision on one field of a record. */
export async function getRedaction(db: Executor, kind: RecordKind, id: string, field: string): Promise<{ decision: string; textHash: string } | undefined> {
  return await firstRow(db
    .select({ decision: redactions.decision, textHash: redactions.textHash })
    .from(redactions)
    .where(and(eq(redactions.recordKind, kind), eq(redactions.recordId, id), eq(redactions.field, field)))
    .limit(1));
}
