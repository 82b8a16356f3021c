// A generator of realistic data at scale, for benchmarks: many benchmarks, rounds and reviewers,
// with the seed's shapes (categories, addressees, people and laws, several sources, two or three
// assessments per benchmark and round, published scores) and status mixes that improve slowly and
// sometimes regress. Deterministic for a given seed. Written with raw prepared statements: drizzle's
// builder would add nothing here but time for millions of rows.
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";
import { ensureFirstRelease } from "../commands/releases";
import { transaction } from "../transaction";
import type { Executor } from "../dialect";
import * as schema from "../schema";
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

/** Fills an empty, migrated database. Everything it writes is marked demo: it is synthetic. */
export async function generateScaleData(sqlite: Database.Database, options: ScaleOptions): Promise<ScaleSummary> {
  const random = seededRandom(options.seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Skewed choice: low indexes far more often, as real category and addressee mixes are.
  const skewed = <T,>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(-Math.log(1 - random() * 0.999) * items.length * 0.35))]!;
  const publishedAt = "2026-01-01T00:00:00.000Z";
  const now = Date.parse(publishedAt);

  const insert = (sql: string) => sqlite.prepare(sql);
  const summary: ScaleSummary = { benchmarks: 0, rounds: 0, statements: 0, subjects: 0, assessments: 0, publishedScores: 0 };

  sqlite.transaction(() => {
    const sourceId = insert("INSERT INTO source_documents (slug, title, publisher, published_on, date_precision) VALUES ('generated', 'Generated scale data', 'Dialogue Scorecard benchmark generator', '2026-01-01', 'day')").run().lastInsertRowid;
    const trackIds = TRACKS.map((t) => insert("INSERT INTO tracks (slug, name, short_name, description) VALUES (?, ?, ?, '')").run(t.slug, t.name, t.shortName).lastInsertRowid as number);
    const categoryIds = SEED_CATEGORIES.map((c, i) => insert("INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?)").run(c.slug, c.name, c.description, i).lastInsertRowid as number);

    // Rounds every four months from 2012 on, the tracks taking turns.
    const rounds: Array<{ id: number; start: string; track: number }> = [];
    const roundInsert = insert("INSERT INTO rounds (slug, track_id, name, location, start_date, end_date, date_precision, published_at, source_document_id) VALUES (?, ?, ?, 'Geneva', ?, NULL, 'day', ?, ?)");
    for (let i = 0; i < options.rounds; i++) {
      const start = isoDate(new Date(Date.UTC(2012, 6 + i * 4, 1 + Math.floor(random() * 27))));
      const track = i % TRACKS.length;
      const id = roundInsert.run(`round-${i + 1}`, trackIds[track], `${TRACKS[track]!.name}, round ${i + 1}`, start, publishedAt, sourceId).lastInsertRowid as number;
      rounds.push({ id, start, track });
    }

    const orgIds: number[] = [];
    const orgInsert = insert("INSERT INTO organisations (slug, name, kind) VALUES (?, ?, 'ngo')");
    for (let i = 0; i < 200; i++) orgIds.push(orgInsert.run(`org-${i + 1}`, `Organisation ${i + 1}`).lastInsertRowid as number);

    // Statements are published shortly before a round and address it.
    const statementCount = Math.max(5, Math.ceil(options.benchmarks / 20));
    const statements: Array<{ id: number; round: number; date: string }> = [];
    const statementInsert = insert(
      `INSERT INTO statements (slug, title, kind, date, date_precision, language, summary, round_id, source_document_id, created_at, review_state)
       VALUES (?, ?, ?, ?, 'day', 'en', '', ?, ?, '${publishedAt}', 'approved')`,
    );
    const publisherInsert = insert("INSERT OR IGNORE INTO statement_publishers (statement_id, organisation_id) VALUES (?, ?)");
    for (let i = 0; i < statementCount; i++) {
      const round = Math.floor(random() * Math.max(1, Math.floor(rounds.length * 0.8)));
      const date = isoDate(new Date(Date.parse(rounds[round]!.start) - (5 + Math.floor(random() * 40)) * 86_400_000));
      const id = statementInsert.run(`statement-${i + 1}`, `Joint statement ${i + 1}`, pick(["ngo_joint_letter", "civil_society_statement", "ngo_press_release"]), date, rounds[round]!.id, sourceId).lastInsertRowid as number;
      publisherInsert.run(id, pick(orgIds));
      publisherInsert.run(id, pick(orgIds));
      statements.push({ id, round, date });
    }
    summary.statements = statements.length;

    const people: number[] = [];
    const laws: number[] = [];
    const subjectInsert = insert("INSERT INTO subjects (slug, kind, name, name_zh, role, description, confidential, source_document_id) VALUES (?, ?, ?, ?, ?, '', ?, ?)");
    const peopleCount = Math.max(10, Math.floor(options.benchmarks / 5));
    for (let i = 0; i < peopleCount; i++) {
      const surname = pick(SURNAMES);
      const given = pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : "");
      const latin = `${PINYIN[surname]} ${[...given].map((c, j) => (j === 0 ? PINYIN[c]![0]!.toUpperCase() + PINYIN[c]!.slice(1) : PINYIN[c])).join("")}`;
      people.push(subjectInsert.run(`person-${i + 1}`, "person", latin, surname + given, "Human rights defender", random() < 0.01 ? 1 : 0, sourceId).lastInsertRowid as number);
    }
    for (let i = 0; i < Math.max(5, Math.floor(options.benchmarks / 200)); i++) {
      laws.push(subjectInsert.run(`law-${i + 1}`, i % 3 === 0 ? "practice" : "law", `Provision ${i + 1}`, null, null, 0, sourceId).lastInsertRowid as number);
    }
    summary.subjects = people.length + laws.length;

    const reviewerIds = Array.from({ length: options.reviewers }, (_, i) => `scale-reviewer-${i + 1}`);
    const userInsert = insert("INSERT INTO users (id, email, name, role, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)");
    userInsert.run("scale-editor", "scale-editor@example.org", "Scale editor", "editor", now, now);
    reviewerIds.forEach((id, i) => userInsert.run(id, `${id}@example.org`, `Scale reviewer ${i + 1}`, "reviewer", now, now));

    const benchmarkInsert = insert(
      `INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, retired_on, retired_reason, confidential, created_at, updated_at, review_state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '${publishedAt}', '${publishedAt}', 'approved')`,
    );
    const sourceInsert = insert("INSERT OR IGNORE INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, ?, ?, 'approved')");
    const linkInsert = insert("INSERT OR IGNORE INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)");
    const scopeInsert = insert("INSERT INTO benchmark_tracks (benchmark_id, track_id) VALUES (?, ?)");
    const assessmentInsert = insert("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale, is_demo, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)");
    const evidenceInsert = insert("INSERT INTO evidence_links (assessment_id, url, title, published_on) VALUES (?, ?, ?, NULL)");
    const publishInsert = insert("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at, is_demo) VALUES (?, ?, ?, ?, ?, 'scale-editor', ?, 1)");
    const publishedEvidenceInsert = insert("INSERT INTO published_evidence (benchmark_id, round_id, position, url, title, published_on) VALUES (?, ?, 1, ?, ?, NULL)");
    const createdAt = publishedAt;
    const NEIGHBOUR: Record<Status, Status> = { met: "partial", partial: "not_met", not_met: "unknown", regressed: "not_met", unknown: "not_met" };

    for (let b = 0; b < options.benchmarks; b++) {
      const statement = pick(statements);
      const fromIndex = Math.min(rounds.length - 1, statement.round + (random() < 0.8 ? 0 : 1));
      const retireIndex = random() < 0.02 ? fromIndex + 1 + Math.floor(random() * (rounds.length - fromIndex)) : null;
      const retiredOn = retireIndex !== null && retireIndex < rounds.length ? rounds[retireIndex]!.start : null;
      const isPerson = random() < 0.45;
      const id = benchmarkInsert.run(
        `benchmark-${b + 1}`,
        isPerson ? `Release detained person ${b + 1}` : `Demand ${b + 1} on ${pick(["detention", "legal reform", "access", "reporting", "reprisals"])}`,
        skewed(categoryIds),
        skewed(ADDRESSEES),
        rounds[fromIndex]!.id,
        retiredOn,
        retiredOn ? "Generated retirement" : null,
        random() < 0.01 ? 1 : 0,
      ).lastInsertRowid as number;
      sourceInsert.run(id, statement.id, `Demand ${b + 1} as the statement put it.`);
      // Some demands are raised again by a later statement.
      if (random() < 0.3) {
        const later = statements.find((s) => s.date > statement.date && s.round >= fromIndex);
        if (later) sourceInsert.run(id, later.id, `Demand ${b + 1}, raised again.`);
      }
      if (isPerson) linkInsert.run(id, pick(people));
      if (random() < 0.3) linkInsert.run(id, pick(laws));
      // About one demand in ten concerns one forum's own conduct (its track, or two tracks): assessed there only.
      const scopeRoll = random();
      const scope = scopeRoll < 0.08 ? [rounds[fromIndex]!.track] : scopeRoll < 0.1 ? [rounds[fromIndex]!.track, (rounds[fromIndex]!.track + 1) % TRACKS.length] : [];
      for (const track of scope) scopeInsert.run(id, trackIds[track]);

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
          const assessmentId = assessmentInsert.run(id, round.id, reviewer, status, `Generated assessment of benchmark ${b + 1} at round ${r + 1}.`, createdAt).lastInsertRowid as number;
          if (i === 0) firstAssessment = assessmentId;
          if (random() < 0.1) {
            evidenceInsert.run(assessmentId, evidenceUrl, "Generated evidence");
            if (!disagree || i === 0) publicEvidence = true;
          }
          summary.assessments += 1;
        }
        publishInsert.run(id, round.id, published, disagree ? "editor" : "agreement", firstAssessment, publishedAt);
        if (publicEvidence) publishedEvidenceInsert.run(id, round.id, evidenceUrl, "Generated evidence");
        summary.publishedScores += 1;
      }
    }
    summary.benchmarks = options.benchmarks;
    summary.rounds = rounds.length;
  })();
  const db = drizzle(sqlite, { schema }) as Executor;
  await transaction(db, (tx) => ensureFirstRelease(tx));
  // Counted now, so that readers (who never write) find the published figures.
  await refreshPublishedAggregatesNow(db);
  return summary;
}
