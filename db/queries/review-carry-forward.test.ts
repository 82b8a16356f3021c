// Carrying the previous round's scores forward: what is carried (status, evidence, a rationale that
// names its round and never repeats demo text), where it comes from (the published score, or the
// reviewer's own where the round before is not published), and what is skipped and why.
import { rawAll, rawGet, rawRun } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { carryForwardScores, createAssessment } from "../commands/review";
import { listCarryForwardSources } from "./assessments";
import { getReviewRound, listRoundBenchmarks } from "./review";

const REVIEWER = "reviewer-carry";
const ROUND = "upr-china-2018";
const PREVIOUS = "Human Rights Council, 37th session";

let db: Db;
const one = async <T>(sql: string, ...params: unknown[]) => (await rawGet(db, sql, ...params)) as T;
const all = async <T>(sql: string, ...params: unknown[]) => (await rawAll(db, sql, ...params)) as T[];
const idOf = async (table: "benchmarks" | "rounds", slug: string) => (await one<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, slug)).id;
const publishedAt = async (benchmark: string, round: string) =>
  await one<{ status: string; assessmentId: number }>("SELECT status, assessment_id AS assessmentId FROM published_scores WHERE benchmark_id = ? AND round_id = ?", await idOf("benchmarks", benchmark), await idOf("rounds", round));
const mine = async (benchmark: string, round = ROUND) =>
  await all<{ id: number; status: string; rationale: string; isDemo: number }>(
    "SELECT id, status, rationale, is_demo AS isDemo FROM assessments WHERE reviewer_id = ? AND benchmark_id = ? AND round_id = ? ORDER BY id",
    REVIEWER,
    await idOf("benchmarks", benchmark),
    await idOf("rounds", round),
  );
const counts = async () => ({
  assessments: (await one<{ n: number }>("SELECT COUNT(*) AS n FROM assessments")).n,
  evidence: (await one<{ n: number }>("SELECT COUNT(*) AS n FROM evidence_links")).n,
  audit: (await one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log")).n,
});

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  const now = Date.now();
  (await rawRun(db, "INSERT INTO users (id, email, name, role, is_demo, created_at, updated_at) VALUES (?, ?, ?, 'reviewer', 0, ?, ?)", REVIEWER, "carry@example.org", "Carry Reviewer", now, now));
});

describe("carryForwardScores", () => {
  it("carries the previous round's published status and evidence, with a rationale naming that round and no demo text", async () => {
    const source = await publishedAt("release-gui-minhai", "hrc-37");
    (await rawRun(db, "INSERT INTO evidence_links (assessment_id, url, title, published_on) VALUES (?, 'https://example.org/gui', 'Held again', '2018-01-20')", source.assessmentId));
    const result = await carryForwardScores(db, { roundSlug: ROUND, reviewerId: REVIEWER, chosen: [{ benchmarkSlug: "release-gui-minhai", expectedLatestId: 0 }] });
    expect(result.created).toMatchObject([{ benchmarkSlug: "release-gui-minhai", status: source.status, fromRound: PREVIOUS }]);
    const [row] = await mine("release-gui-minhai");
    expect(row).toMatchObject({ status: source.status, isDemo: 0 });
    expect(row!.rationale).toMatch(new RegExp(`^Carried forward unchanged from ${PREVIOUS}\\. The score there was demo data`));
    expect(row!.rationale).not.toMatch(/Demo score/);
    expect(await all("SELECT url, title, published_on AS publishedOn FROM evidence_links WHERE assessment_id = ?", row!.id)).toEqual([
      { url: "https://example.org/gui", title: "Held again", publishedOn: "2018-01-20" },
    ]);
    const audit = await one<{ after: string }>("SELECT after FROM audit_log WHERE action = 'assessment.create' AND entity_id = ?", String(row!.id));
    expect(JSON.parse(audit.after)).toMatchObject({ carriedForwardFrom: { assessmentId: source.assessmentId, basis: "published" } });
  });

  it("repeats a real rationale after the round's name", async () => {
    const source = await publishedAt("release-liu-xia", "hrc-37");
    (await rawRun(db, "UPDATE assessments SET is_demo = 0, rationale = 'Still under house arrest.' WHERE id = ?", source.assessmentId));
    (await rawRun(db, "UPDATE published_scores SET is_demo = 0 WHERE assessment_id = ?", source.assessmentId));
    await carryForwardScores(db, { roundSlug: ROUND, reviewerId: REVIEWER, chosen: [{ benchmarkSlug: "release-liu-xia", expectedLatestId: 0 }] });
    expect((await mine("release-liu-xia"))[0]!.rationale).toBe(`Carried forward unchanged from ${PREVIOUS}: Still under house arrest.`);
  });

  it("skips, and reports, a benchmark scored since the page was opened, one that does not apply, one that is missing and one with no earlier score; writes the rest", async () => {
    const scoredMeanwhile = await createAssessment(db, { benchmarkId: await idOf("benchmarks", "end-rsdl"), roundId: await idOf("rounds", ROUND), reviewerId: REVIEWER, status: "met", rationale: "Scored by hand meanwhile.", evidence: [], expectedLatestId: 0 });
    // A benchmark first demanded at this round has no earlier score to carry.
    (await rawRun(db, "UPDATE benchmarks SET applies_from_round_id = ? WHERE slug = 'release-gui-minhai'", await idOf("rounds", ROUND)));
    const before = await counts();
    const result = await carryForwardScores(db, {
        roundSlug: ROUND,
        reviewerId: REVIEWER,
        chosen: [
          { benchmarkSlug: "end-rsdl", expectedLatestId: 0 },
          { benchmarkSlug: "liu-xiaobo-contact", expectedLatestId: 0 },
          { benchmarkSlug: "no-such-benchmark", expectedLatestId: 0 },
          { benchmarkSlug: "release-gui-minhai", expectedLatestId: 0 },
          { benchmarkSlug: "close-black-jails", expectedLatestId: 0 },
          { benchmarkSlug: "close-black-jails", expectedLatestId: 0 },
        ],
      });
    expect(result.created.map((c) => c.benchmarkSlug)).toEqual(["close-black-jails"]);
    expect(result.skipped.map((s) => [s.benchmarkSlug, s.reason])).toEqual([
      ["end-rsdl", "changed"],
      ["liu-xiaobo-contact", "not_applicable"],
      ["no-such-benchmark", "missing"],
      ["release-gui-minhai", "no_previous"],
    ]);
    expect(await counts()).toEqual({ assessments: before.assessments + 1, evidence: before.evidence, audit: before.audit + 1 });
    expect(await mine("end-rsdl")).toMatchObject([{ id: scoredMeanwhile, rationale: "Scored by hand meanwhile." }]);
  });

  it("carries over the reviewer's own score when it was opened with that score as the latest", async () => {
    const first = await createAssessment(db, { benchmarkId: await idOf("benchmarks", "end-rsdl"), roundId: await idOf("rounds", ROUND), reviewerId: REVIEWER, status: "met", rationale: "A first reading, since revised.", evidence: [], expectedLatestId: 0 });
    await carryForwardScores(db, { roundSlug: ROUND, reviewerId: REVIEWER, chosen: [{ benchmarkSlug: "end-rsdl", expectedLatestId: first }] });
    expect((await mine("end-rsdl")).map((r) => r.status)).toEqual(["met", (await publishedAt("end-rsdl", "hrc-37")).status]);
  });

  it("refuses a round that does not exist, writing nothing", async () => {
    const before = await counts();
    await expect(carryForwardScores(db, { roundSlug: "no-such-round", reviewerId: REVIEWER, chosen: [{ benchmarkSlug: "end-rsdl", expectedLatestId: 0 }] })).rejects.toThrow(/no longer exists/);
    expect(await counts()).toEqual(before);
  });
});

describe("listCarryForwardSources", () => {
  async function addRound(slug: string, startDate: string) {
    const track = (await one<{ id: number }>("SELECT track_id AS id FROM rounds WHERE slug = 'hrc-37'")).id;
    (await rawRun(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES (?, ?, ?, ?, 'month')", slug, track, `Round ${slug}`, startDate));
    return (await getReviewRound(db, slug))!;
  }

  it("takes the reviewer's own score at a later round that is not published, else the latest published score", async () => {
    const unpublished = await addRound("hrc-40", "2019-02-25");
    const next = await addRound("hrc-41", "2019-06-24");
    await createAssessment(db, { benchmarkId: await idOf("benchmarks", "end-rsdl"), roundId: unpublished.id, reviewerId: REVIEWER, status: "regressed", rationale: "Used more widely than before.", evidence: [], expectedLatestId: 0 });
    const sources = await listCarryForwardSources(db, next, REVIEWER, await listRoundBenchmarks(db, next));
    expect(sources.get(await idOf("benchmarks", "end-rsdl"))).toMatchObject({ roundSlug: "hrc-40", status: "regressed", basis: "own", isDemo: false, rationale: "Used more widely than before." });
    expect(sources.get(await idOf("benchmarks", "close-black-jails"))).toMatchObject({ roundSlug: ROUND, status: (await publishedAt("close-black-jails", ROUND)).status, basis: "published", isDemo: true });
    // Another reviewer's own score is never a source.
    const other = await listCarryForwardSources(db, next, "demo-reviewer-a", await listRoundBenchmarks(db, next));
    expect(other.get(await idOf("benchmarks", "end-rsdl"))).toMatchObject({ roundSlug: ROUND, basis: "published" });
  });

  it("prefers the published score to the reviewer's own at the same round, and looks past a round where the benchmark did not apply", async () => {
    const round = (await getReviewRound(db, ROUND))!;
    const sources = await listCarryForwardSources(db, round, "demo-reviewer-b", await listRoundBenchmarks(db, round));
    expect(sources.get(await idOf("benchmarks", "release-gui-minhai"))).toMatchObject({ roundSlug: "hrc-37", basis: "published", assessmentId: (await publishedAt("release-gui-minhai", "hrc-37")).assessmentId });
    // Retired after hrc-34: nothing applies at this round, so it is not a candidate at all.
    expect((await listRoundBenchmarks(db, round)).some((b) => b.slug === "liu-xiaobo-contact")).toBe(false);
  });
});
