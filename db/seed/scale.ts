// A generator of realistic data at scale, for benchmarks: many benchmarks, rounds and reviewers,
// with the seed's shapes (categories, addressees, people and laws, several sources, two or three
// assessments per benchmark and round, published scores) and status mixes that improve slowly and
// sometimes regress. Deterministic for a given seed. Written as plain rows (db/dialect insertRows): drizzle's
// builder would add nothing here but time for millions of rows.
import { sql } from "drizzle-orm";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";
import { ensureFirstRelease } from "../commands/releases";
import { transaction } from "../transaction";
import { continueIdsAfterExplicitOnes, insertRows, oneRow, type Executor } from "../dialect";
import { ADDRESSEES, type Status } from "@/lib/domain";
import { SEED_CATEGORIES } from "./data/categories";

export interface ScaleOptions {
  benchmarks: number;
  rounds: number;
  reviewers: number;
  seed: number;
}

export interface ScaleSummary {
  benchmarks: number;
  rounds: number;
  statements: number;
  subjects: number;
  assessments: number;
  publishedScores: number;
}

/** mulberry32: a small, fast, seedable generator; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗".split(" ");
const GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 文 华 志".split(" ");
const PINYIN: Record<string, string> = {
  王: "Wang", 李: "Li", 张: "Zhang", 刘: "Liu", 陈: "Chen", 杨: "Yang", 黄: "Huang", 赵: "Zhao", 吴: "Wu", 周: "Zhou",
  徐: "Xu", 孙: "Sun", 马: "Ma", 朱: "Zhu", 胡: "Hu", 郭: "Guo", 何: "He", 高: "Gao", 林: "Lin", 罗: "Luo",
  伟: "wei", 芳: "fang", 娜: "na", 敏: "min", 静: "jing", 丽: "li", 强: "qiang", 磊: "lei", 军: "jun", 洋: "yang",
  勇: "yong", 艳: "yan", 杰: "jie", 娟: "juan", 涛: "tao", 明: "ming", 超: "chao", 秀: "xiu", 霞: "xia", 平: "ping",
  刚: "gang", 桂: "gui", 文: "wen", 华: "hua", 志: "zhi",
};

const TRACKS = [
  { slug: "us-china-dialogue", name: "US–China Human Rights Dialogue", shortName: "US–China" },
  { slug: "un-hrc", name: "UN Human Rights Council", shortName: "HRC" },
  { slug: "upr", name: "Universal Periodic Review", shortName: "UPR" },
];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Tables in the order their rows may be written: every row's foreign keys point to an earlier table.
const TABLES_IN_ORDER = [
  "source_documents", "tracks", "categories", "rounds", "organisations", "statements", "statement_publishers", "subjects", "users",
  "benchmarks", "benchmark_sources", "benchmark_subjects", "benchmark_tracks", "assessments", "evidence_links", "published_scores", "published_evidence",
] as const;
type Table = (typeof TABLES_IN_ORDER)[number];
const TABLES_WITH_IDS = ["source_documents", "tracks", "categories", "rounds", "organisations", "statements", "subjects", "benchmarks", "assessments", "evidence_links"] as const;
// Rows held before they are written: a few round trips on PostgreSQL, bounded memory at any scale.
const ROWS_PER_FLUSH = 20_000;

/**
 * The generated rows, kept per table and written in the order of TABLES_IN_ORDER. Ids are given
 * here, counting on from the largest already stored, so that rows referring to each other can be
 * written in batches on either database (no insert waits for the id of the one before).
 */
class RowWriter {
  private readonly pending = new Map<Table, { columns: readonly string[]; rows: unknown[][]; ignoreConflicts: boolean }>();
  private readonly nextId = new Map<string, number>();
  private held = 0;

  constructor(private readonly db: Executor) {}

  async start(): Promise<void> {
    for (const table of TABLES_WITH_IDS) {
      const row = await oneRow<{ id: number | string | null }>(this.db, sql.raw(`SELECT max(id) AS id FROM "${table}"`));
      this.nextId.set(table, Number(row?.id ?? 0) + 1);
    }
  }

  /** A new row of `table`, its id chosen here and returned. */
  insert(table: Table & (typeof TABLES_WITH_IDS)[number], columns: readonly string[], values: readonly unknown[]): number {
    const id = this.nextId.get(table)!;
    this.nextId.set(table, id + 1);
    this.add(table, ["id", ...columns], [id, ...values], false);
    return id;
  }

  /** A new row of a table keyed by its columns; `ignoreConflicts` skips one already there (INSERT OR IGNORE). */
  add(table: Table, columns: readonly string[], values: readonly unknown[], ignoreConflicts = false): void {
    let entry = this.pending.get(table);
    if (!entry) this.pending.set(table, (entry = { columns, rows: [], ignoreConflicts }));
    entry.rows.push([...values]);
    this.held += 1;
  }

  async flushWhenFull(): Promise<void> {
    if (this.held >= ROWS_PER_FLUSH) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of TABLES_IN_ORDER) {
      const entry = this.pending.get(table);
      if (!entry || entry.rows.length === 0) continue;
      await insertRows(this.db, table, entry.columns, entry.rows, { ignoreConflicts: entry.ignoreConflicts });
      entry.rows = [];
    }
    this.held = 0;
  }

  async finish(): Promise<void> {
    await this.flush();
    for (const table of TABLES_WITH_IDS) await continueIdsAfterExplicitOnes(this.db, table);
  }
}

/** Fills an empty, migrated database. Everything it writes is marked demo: it is synthetic. */
export async function generateScaleData(db: Executor, options: ScaleOptions): Promise<ScaleSummary> {
  const random = seededRandom(options.seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Skewed choice: low indexes far more often, as real category and addressee mixes are.
  const skewed = <T,>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(-Math.log(1 - random() * 0.999) * items.length * 0.35))]!;
  const publishedAt = "2026-01-01T00:00:00.000Z";
  const now = Date.parse(publishedAt);
  const summary: ScaleSummary = { benchmarks: 0, rounds: 0, statements: 0, subjects: 0, assessments: 0, publishedScores: 0 };

  await transaction(db, async (tx) => {
    const rows = new RowWriter(tx);
    await rows.start();
    const sourceId = rows.insert("source_documents", ["slug", "title", "publisher", "published_on", "date_precision"], ["generated", "Generated scale data", "Dialogue Scorecard benchmark generator", "2026-01-01", "day"]);
    const trackIds = TRACKS.map((t) => rows.insert("tracks", ["slug", "name", "short_name", "description"], [t.slug, t.name, t.shortName, ""]));
    const categoryIds = SEED_CATEGORIES.map((c, i) => rows.insert("categories", ["slug", "name", "description", "position"], [c.slug, c.name, c.description, i]));

    // Rounds every four months from 2012 on, the tracks taking turns.
    const rounds: Array<{ id: number; start: string; track: number }> = [];
    for (let i = 0; i < options.rounds; i++) {
      const start = isoDate(new Date(Date.UTC(2012, 6 + i * 4, 1 + Math.floor(random() * 27))));
      const track = i % TRACKS.length;
      const id = rows.insert(
        "rounds",
        ["slug", "track_id", "name", "location", "start_date", "end_date", "date_precision", "published_at", "source_document_id"],
        [`round-${i + 1}`, trackIds[track], `${TRACKS[track]!.name}, round ${i + 1}`, "Geneva", start, null, "day", publishedAt, sourceId],
      );
      rounds.push({ id, start, track });
    }

    const orgIds: number[] = [];
    for (let i = 0; i < 200; i++) orgIds.push(rows.insert("organisations", ["slug", "name", "kind"], [`org-${i + 1}`, `Organisation ${i + 1}`, "ngo"]));

    // Statements are published shortly before a round and address it.
    const statementCount = Math.max(5, Math.ceil(options.benchmarks / 20));
    const statements: Array<{ id: number; round: number; date: string }> = [];
    const statementColumns = ["slug", "title", "kind", "date", "date_precision", "language", "summary", "round_id", "source_document_id", "created_at", "review_state"];
    const publisherColumns = ["statement_id", "organisation_id"];
    for (let i = 0; i < statementCount; i++) {
      const round = Math.floor(random() * Math.max(1, Math.floor(rounds.length * 0.8)));
      const date = isoDate(new Date(Date.parse(rounds[round]!.start) - (5 + Math.floor(random() * 40)) * 86_400_000));
      const kind = pick(["ngo_joint_letter", "civil_society_statement", "ngo_press_release"]);
      const id = rows.insert("statements", statementColumns, [`statement-${i + 1}`, `Joint statement ${i + 1}`, kind, date, "day", "en", "", rounds[round]!.id, sourceId, publishedAt, "approved"]);
      rows.add("statement_publishers", publisherColumns, [id, pick(orgIds)], true);
      rows.add("statement_publishers", publisherColumns, [id, pick(orgIds)], true);
      statements.push({ id, round, date });
    }
    summary.statements = statements.length;

    const people: number[] = [];
    const laws: number[] = [];
    const subjectColumns = ["slug", "kind", "name", "name_zh", "role", "description", "confidential", "source_document_id"];
    const peopleCount = Math.max(10, Math.floor(options.benchmarks / 5));
    for (let i = 0; i < peopleCount; i++) {
      const surname = pick(SURNAMES);
      const given = pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : "");
      const latin = `${PINYIN[surname]} ${[...given].map((c, j) => (j === 0 ? PINYIN[c]![0]!.toUpperCase() + PINYIN[c]!.slice(1) : PINYIN[c])).join("")}`;
      people.push(rows.insert("subjects", subjectColumns, [`person-${i + 1}`, "person", latin, surname + given, "Human rights defender", "", random() < 0.01 ? 1 : 0, sourceId]));
    }
    for (let i = 0; i < Math.max(5, Math.floor(options.benchmarks / 200)); i++) {
      laws.push(rows.insert("subjects", subjectColumns, [`law-${i + 1}`, i % 3 === 0 ? "practice" : "law", `Provision ${i + 1}`, null, null, "", 0, sourceId]));
    }
    summary.subjects = people.length + laws.length;

    const reviewerIds = Array.from({ length: options.reviewers }, (_, i) => `scale-reviewer-${i + 1}`);
    const userColumns = ["id", "email", "name", "role", "is_demo", "created_at", "updated_at"];
    rows.add("users", userColumns, ["scale-editor", "scale-editor@example.org", "Scale editor", "editor", 1, now, now]);
    reviewerIds.forEach((id, i) => rows.add("users", userColumns, [id, `${id}@example.org`, `Scale reviewer ${i + 1}`, "reviewer", 1, now, now]));

    const benchmarkColumns = ["slug", "title", "category_id", "addressee", "applies_from_round_id", "retired_on", "retired_reason", "confidential", "created_at", "updated_at", "review_state"];
    const sourceColumns = ["benchmark_id", "statement_id", "demand", "review_state"];
    const linkColumns = ["benchmark_id", "subject_id"];
    const scopeColumns = ["benchmark_id", "track_id"];
    const assessmentColumns = ["benchmark_id", "round_id", "reviewer_id", "status", "rationale", "is_demo", "created_at"];
    const evidenceColumns = ["assessment_id", "url", "title", "published_on"];
    const publishColumns = ["benchmark_id", "round_id", "status", "basis", "assessment_id", "decided_by", "decided_at", "is_demo"];
    const publishedEvidenceColumns = ["benchmark_id", "round_id", "position", "url", "title", "published_on"];
    const createdAt = publishedAt;
    const NEIGHBOUR: Record<Status, Status> = { met: "partial", partial: "not_met", not_met: "unknown", regressed: "not_met", unknown: "not_met" };

    for (let b = 0; b < options.benchmarks; b++) {
      const statement = pick(statements);
      const fromIndex = Math.min(rounds.length - 1, statement.round + (random() < 0.8 ? 0 : 1));
      const retireIndex = random() < 0.02 ? fromIndex + 1 + Math.floor(random() * (rounds.length - fromIndex)) : null;
      const retiredOn = retireIndex !== null && retireIndex < rounds.length ? rounds[retireIndex]!.start : null;
      const isPerson = random() < 0.45;
      const title = isPerson ? `Release detained person ${b + 1}` : `Demand ${b + 1} on ${pick(["detention", "legal reform", "access", "reporting", "reprisals"])}`;
      const category = skewed(categoryIds);
      const addressee = skewed(ADDRESSEES);
      const id = rows.insert("benchmarks", benchmarkColumns, [
        `benchmark-${b + 1}`,
        title,
        category,
        addressee,
        rounds[fromIndex]!.id,
        retiredOn,
        retiredOn ? "Generated retirement" : null,
        random() < 0.01 ? 1 : 0,
        publishedAt,
        publishedAt,
        "approved",
      ]);
      rows.add("benchmark_sources", sourceColumns, [id, statement.id, `Demand ${b + 1} as the statement put it.`, "approved"], true);
      // Some demands are raised again by a later statement.
      if (random() < 0.3) {
        const later = statements.find((s) => s.date > statement.date && s.round >= fromIndex);
        if (later) rows.add("benchmark_sources", sourceColumns, [id, later.id, `Demand ${b + 1}, raised again.`, "approved"], true);
      }
      if (isPerson) rows.add("benchmark_subjects", linkColumns, [id, pick(people)], true);
      if (random() < 0.3) rows.add("benchmark_subjects", linkColumns, [id, pick(laws)], true);
      // About one demand in ten concerns one forum's own conduct (its track, or two tracks): assessed there only.
      const scopeRoll = random();
      const scope = scopeRoll < 0.08 ? [rounds[fromIndex]!.track] : scopeRoll < 0.1 ? [rounds[fromIndex]!.track, (rounds[fromIndex]!.track + 1) % TRACKS.length] : [];
      for (const track of scope) rows.add("benchmark_tracks", scopeColumns, [id, trackIds[track]]);

      // A latent status that improves slowly and sometimes slides back.
      let state: Status = "not_met";
      for (let r = fromIndex; r < rounds.length; r++) {
        const round = rounds[r]!;
        if (retiredOn && round.start >= retiredOn) break;
        if (scope.length > 0 && !scope.includes(round.track)) continue;
        const roll = random();
        const previous = state;
        const progress = (r - fromIndex) / rounds.length;
        if (state === "regressed") state = "not_met";
        if (roll < 0.04 + progress * 0.06) state = state === "partial" ? "met" : state === "met" ? "met" : "partial";
        else if (roll > 0.985 && previous !== "not_met") state = "regressed";
        const published: Status = random() < 0.04 ? "unknown" : state;
        const scorers = random() < 0.5 ? reviewerIds.slice(0, 2) : reviewerIds.slice(0, Math.min(3, reviewerIds.length));
        const disagree = random() < 0.1;
        let firstAssessment = 0;
        // The public sees the evidence of every agreeing reviewer, or of the one the editor sided with.
        let publicEvidence = false;
        const evidenceUrl = `https://example.org/evidence/${b + 1}/${r + 1}`;
        for (const [i, reviewer] of scorers.entries()) {
          const status = disagree && i === scorers.length - 1 ? NEIGHBOUR[published] : published;
          const assessmentId = rows.insert("assessments", assessmentColumns, [id, round.id, reviewer, status, `Generated assessment of benchmark ${b + 1} at round ${r + 1}.`, 1, createdAt]);
          if (i === 0) firstAssessment = assessmentId;
          if (random() < 0.1) {
            rows.insert("evidence_links", evidenceColumns, [assessmentId, evidenceUrl, "Generated evidence", null]);
            if (!disagree || i === 0) publicEvidence = true;
          }
          summary.assessments += 1;
        }
        rows.add("published_scores", publishColumns, [id, round.id, published, disagree ? "editor" : "agreement", firstAssessment, "scale-editor", publishedAt, 1]);
        if (publicEvidence) rows.add("published_evidence", publishedEvidenceColumns, [id, round.id, 1, evidenceUrl, "Generated evidence", null]);
        summary.publishedScores += 1;
      }
      await rows.flushWhenFull();
    }
    await rows.finish();
    summary.benchmarks = options.benchmarks;
    summary.rounds = rounds.length;
  });
  await transaction(db, (tx) => ensureFirstRelease(tx));
  // Counted now, so that readers (who never write) find the published figures.
  await refreshPublishedAggregatesNow(db);
  return summary;
}
