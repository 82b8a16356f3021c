// An editor's side of a round, on the seed: what publishing a thinly scored round does to the
// public figures, whose evidence the public sees, and the preview, decisions and threshold.
import { rawGet, rawInsert } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard";
import type { Status } from "@/lib/domain";
import { tableRowCounter } from "@/db/testing/row-counts";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { listAuditEntries } from "./audit";
import { getDashboardData } from "./dashboard";
import { getDashboardSummary } from "./dashboard-summary";
import { setMinCoveragePercent } from "../commands/publication-settings";
import { getPublicationSettings } from "./publication-settings";
import { refreshPublishedAggregates } from "../commands/published-aggregates";
import { readDataVersion, readPublishedDataKey } from "./published-aggregates";
import { createDecision } from "../commands/decisions";
import { PreliminaryRefusedError, previewPublication, publishRound } from "../commands/publishing";
import { ConflictError, createAssessment } from "../commands/review";
import { listLatestAssessments } from "./assessments";
import { listDecisionHistory, planPublication } from "./decisions";
import { listRoundBenchmarks } from "./review";
import { listPublishedScoreDetails } from "./scores";

const A = "demo-reviewer-a";
const B = "demo-reviewer-b";
const EDITOR = "demo-editor";

async function seededDatabase(): Promise<Db> {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  return db;
}

/** A new round after every seeded one, as an editor adds it. */
async function addRound(db: Db, slug: string, startDate: string): Promise<{ id: number; startDate: string; trackId: number }> {
  const track = (await rawGet(db, "SELECT id FROM tracks WHERE slug = 'un-hrc'")) as { id: number };
  const id = await rawInsert(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES (?, ?, ?, ?, 'day')", slug, track.id, `Session ${slug}`, startDate);
  return { id, startDate, trackId: track.id };
}

type Link = { url: string; title: string; publishedOn: string | null };

async function score(db: Db, round: { id: number }, benchmarkId: number, reviewerId: string, status: Status, evidence: Link[] = []): Promise<number> {
  const latest = (await rawGet(db, "SELECT COALESCE(MAX(id), 0) AS id FROM assessments WHERE round_id = ? AND benchmark_id = ? AND reviewer_id = ?", round.id, benchmarkId, reviewerId)) as { id: number };
  return await createAssessment(db, { benchmarkId, roundId: round.id, reviewerId, status, rationale: `${reviewerId} reads it as ${status}.`, evidence, expectedLatestId: latest.id });
}

/** Public benchmarks that apply at the round, in the editor's order. */
async function publicBenchmarks(db: Db, round: { startDate: string; trackId: number }) {
  return (await listRoundBenchmarks(db, round)).filter((b) => !b.confidential);
}

let db: Db;
beforeEach(async () => {
  db = await seededDatabase();
});

describe("publishing a thinly scored round", () => {
  it("marks its figures preliminary and measures no change against it", async () => {
    const before = await getDashboardSummary(db, {});
    const thin = await addRound(db, "hrc-40", "2019-02-25");
    const benchmarks = await publicBenchmarks(db, thin);
    // 36 benchmarks apply at a Council round (the dialogue-only ones do not).
    expect(benchmarks.length).toBeGreaterThan(30);
    for (const b of benchmarks.slice(0, 11)) {
      await score(db, thin, b.id, A, "met");
      await score(db, thin, b.id, B, "met");
    }
    await publishRound(db, thin.id, EDITOR, { acceptPreliminary: true });

    const after = await getDashboardSummary(db, {});
    expect(after.latest?.round.slug).toBe("hrc-40");
    expect(after.latest?.preliminary).toBe(true);
    // Compared with the last complete round, which is still the one before it here.
    expect(after.previous?.round.slug).toBe(before.latest?.round.slug);
    expect(after.previous?.preliminary).toBe(false);

    // The next round is measured against the last complete round, not the preliminary one.
    const full = await addRound(db, "hrc-41", "2019-06-24");
    for (const b of await publicBenchmarks(db, full)) {
      await score(db, full, b.id, A, "not_met");
      await score(db, full, b.id, B, "not_met");
    }
    await publishRound(db, full.id, EDITOR);
    const next = await getDashboardSummary(db, {});
    expect(next.latest?.round.slug).toBe("hrc-41");
    expect(next.latest?.preliminary).toBe(false);
    expect(next.previous?.round.slug).toBe(before.latest?.round.slug);
    expect(next.series.find((s) => s.round.slug === "hrc-40")?.preliminary).toBe(true);
  });
});

describe("evidence the public sees", () => {
  it("is every agreeing reviewer's links, each address once", async () => {
    const round = await addRound(db, "hrc-40", "2019-02-25");
    const [benchmark] = await publicBenchmarks(db, round);
    const link = (n: number): Link => ({ url: `https://example.org/report-${n}`, title: `Report ${n}`, publishedOn: null });
    await score(db, round, benchmark!.id, A, "partial", [link(1), link(2)]);
    await score(db, round, benchmark!.id, B, "partial", [link(2), link(3)]);
    await publishRound(db, round.id, EDITOR, { acceptPreliminary: true });
    const [published] = await listPublishedScoreDetails(db, { benchmarkIds: [benchmark!.id], roundIds: [round.id] });
    expect(published?.status).toBe("partial");
    expect(published?.evidence.map((e) => e.url)).toEqual([link(1).url, link(2).url, link(3).url]);
  });
});

/** A new round where both reviewers agree on `agreed` benchmarks and differ on the next `disputed`. */
async function scoredRound(db: Db, agreed: number, disputed = 0) {
  const round = await addRound(db, "hrc-40", "2019-02-25");
  const benchmarks = await publicBenchmarks(db, round);
  for (const b of benchmarks.slice(0, agreed)) {
    await score(db, round, b.id, A, "not_met");
    await score(db, round, b.id, B, "not_met");
  }
  const disputes = benchmarks.slice(agreed, agreed + disputed);
  for (const b of disputes) {
    await score(db, round, b.id, A, "met", [{ url: "https://example.org/freed", title: "Freed, says A", publishedOn: null }]);
    await score(db, round, b.id, B, "not_met", [{ url: "https://example.org/held", title: "Still held, says B", publishedOn: null }]);
  }
  return { round, benchmarks, disputes };
}

describe("the publication preview", () => {
  it("lets no other request on the connection see its rolled-back rows: it never yields to the event loop", async () => {
    const { round } = await scoredRound(db, 11, 1);
    await refreshPublishedAggregates(db);
    const publishedCount = async () => ((await rawGet(db, "SELECT COUNT(*) AS n FROM published_scores WHERE round_id = ?", round.id)) as { n: number }).n;
    // What another request would read if it ran between two of the rehearsal's awaits: a timer and an
    // I/O callback are the first things the event loop runs once the rehearsal gives way.
    const seenMeanwhile: number[] = [];
    const timer = setTimeout(() => void publishedCount().then((n) => seenMeanwhile.push(n)), 0);
    setImmediate(() => void publishedCount().then((n) => seenMeanwhile.push(n)));
    const preview = await previewPublication(db, round.id, EDITOR);
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearTimeout(timer);
    expect(preview.changed).toBe(11);
    expect(seenMeanwhile.length).toBeGreaterThan(0);
    expect(seenMeanwhile.every((n) => n === 0)).toBe(true);
  });

  it("shows what publishing would publish and the dashboard figures after it, and changes nothing", async () => {
    const { round, benchmarks } = await scoredRound(db, 11, 1);
    // The writer's refresh after adding the round (readers never build the aggregates), so that the counts compare the data.
    await refreshPublishedAggregates(db);
    const counts = await tableRowCounter(db);
    const before = await counts();
    const key = await readPublishedDataKey(db);
    const preview = await previewPublication(db, round.id, EDITOR);
    expect(await counts()).toEqual(before);
    expect(await readPublishedDataKey(db)).toBe(key);

    expect(preview.plan.filter((p) => p.proposal.kind === "agreement")).toHaveLength(11);
    expect(preview.plan.filter((p) => p.proposal.kind === "disagreement")).toHaveLength(1);
    expect(preview.plan).toHaveLength((await listRoundBenchmarks(db, round)).length);
    expect(preview.changed).toBe(11);
    expect(preview.before.latest?.round.slug).toBe("upr-china-2018");
    expect(preview.after.latest?.round.slug).toBe("hrc-40");
    expect(preview.after.latest?.preliminary).toBe(true);
    expect(preview.after.latest?.judged).toBe(11);
    expect(preview.after.latest?.applicable).toBe(benchmarks.length);

    // The preview's figures are exactly those the dashboard shows once it is published.
    await publishRound(db, round.id, EDITOR, { acceptPreliminary: true });
    const published = await getDashboardSummary(db, {}, { figuresOnly: true });
    const figures = (series: typeof published.series) => series.map(({ round, ...figures }) => ({ round: round.slug, ...figures }));
    expect(figures(preview.after.series)).toEqual(figures(published.series));
    expect(preview.after.previous?.round.slug).toBe(published.previous?.round.slug);
  });

  it("a preliminary round is published only when the editor accepts it, and a refusal writes nothing", async () => {
    const { round } = await scoredRound(db, 11);
    const counts = await tableRowCounter(db);
    const before = await counts();
    await expect(publishRound(db, round.id, EDITOR)).rejects.toThrow(PreliminaryRefusedError);
    expect(await counts()).toEqual(before);
    expect(await publishRound(db, round.id, EDITOR, { acceptPreliminary: true })).toMatchObject({ published: 11, withheld: expect.any(Number), preliminary: true });
  });

  it("publishes a well-covered round without asking", async () => {
    const round = await addRound(db, "hrc-40", "2019-02-25");
    for (const b of await publicBenchmarks(db, round)) {
      await score(db, round, b.id, A, "partial");
      await score(db, round, b.id, B, "partial");
    }
    expect((await publishRound(db, round.id, EDITOR)).preliminary).toBe(false);
  });
});

describe("an editor's decisions", () => {
  it("takes the editor's own ruling, then a revision; both stay in the history and the latest is published", async () => {
    const { round, disputes } = await scoredRound(db, 30, 1);
    const disputed = disputes[0]!;
    const own = { kind: "own" as const, status: "partial" as Status, rationale: "Released on medical parole, still watched.", evidence: [{ url: "https://example.org/parole", title: "Parole report", publishedOn: "2019-03-01" }] };
    const first = await createDecision(db, { benchmarkId: disputed.id, roundId: round.id, editorId: EDITOR, stands: own, note: "Neither reviewer saw the parole.", expectedDecisionId: 0 });
    await publishRound(db, round.id, EDITOR);
    let [shown] = await listPublishedScoreDetails(db, { benchmarkIds: [disputed.id], roundIds: [round.id] });
    expect(shown).toMatchObject({ status: "partial", basis: "editor", rationale: own.rationale });
    expect(shown?.evidence.map((e) => e.url)).toEqual(["https://example.org/parole"]);
    // A ruling is not a review: reviewers' lists and agreement leave it out.
    expect((await listLatestAssessments(db, round.id)).get(disputed.id)?.map((a) => a.reviewerId)).toEqual([A, B]);

    // A stale form (opened before the first decision) is refused.
    const reviewersB = (await listLatestAssessments(db, round.id)).get(disputed.id)!.find((a) => a.reviewerId === B)!;
    await expect(createDecision(db, { benchmarkId: disputed.id, roundId: round.id, editorId: EDITOR, stands: { kind: "assessment", assessmentId: reviewersB.id }, note: "", expectedDecisionId: 0 })).rejects.toThrow(ConflictError);
    const second = await createDecision(db, { benchmarkId: disputed.id, roundId: round.id, editorId: EDITOR, stands: { kind: "assessment", assessmentId: reviewersB.id }, note: "He was re-detained.", expectedDecisionId: first });

    const history = (await listDecisionHistory(db, round.id)).filter((d) => d.benchmarkId === disputed.id);
    expect(history.map((d) => d.id)).toEqual([second, first]);
    expect(history.map((d) => [d.status, d.isRuling])).toEqual([
      ["not_met", false],
      ["partial", true],
    ]);
    expect(history[1]?.evidence.map((e) => e.url)).toEqual(["https://example.org/parole"]);
    expect((await planPublication(db, round)).find((p) => p.benchmark.id === disputed.id)?.proposal).toMatchObject({ kind: "decided", status: "not_met" });

    const tallyBefore = (await getDashboardSummary(db, {})).series.find((f) => f.round.id === round.id)!.tally;
    const republished = await publishRound(db, round.id, EDITOR);
    expect(republished.changed).toBe(1);
    // The stored tallies were brought up to date by the publication itself, and match the whole matrix.
    const version = await readDataVersion(db);
    expect(version.talliesVersion).toBe(version.version);
    const tallyAfter = (await getDashboardSummary(db, {})).series.find((f) => f.round.id === round.id)!.tally;
    expect(tallyAfter).toEqual({ ...tallyBefore, partial: tallyBefore.partial - 1, not_met: tallyBefore.not_met + 1 });
    expect(buildDashboard(await getDashboardData(db, {})).series.find((f) => f.round.id === round.id)!.tally).toEqual(tallyAfter);
    [shown] = await listPublishedScoreDetails(db, { benchmarkIds: [disputed.id], roundIds: [round.id] });
    expect(shown).toMatchObject({ status: "not_met", basis: "editor", rationale: `${B} reads it as not_met.` });
    expect(shown?.evidence.map((e) => e.url)).toEqual(["https://example.org/held"]);
    expect((await listAuditEntries(db, {})).entries.map((e) => e.action).slice(0, 3)).toContain("decision.revise");
  });

  it("refuses to decide where reviewers agree, or for an assessment that is not a current one", async () => {
    const { round, benchmarks, disputes } = await scoredRound(db, 30, 1);
    const counts = await tableRowCounter(db);
    const before = await counts();
    const agreed = (await listLatestAssessments(db, round.id)).get(benchmarks[0]!.id)![0]!;
    await expect(createDecision(db, { benchmarkId: benchmarks[0]!.id, roundId: round.id, editorId: EDITOR, stands: { kind: "assessment", assessmentId: agreed.id }, note: "", expectedDecisionId: 0 })).rejects.toThrow(/nothing to decide/);
    await expect(createDecision(db, { benchmarkId: disputes[0]!.id, roundId: round.id, editorId: EDITOR, stands: { kind: "assessment", assessmentId: agreed.id }, note: "", expectedDecisionId: 0 })).rejects.toThrow(ConflictError);
    expect(await counts()).toEqual(before);
  });
});

describe("the coverage threshold", () => {
  it("is stored, audited and raises the data version, and decides which rounds are preliminary", async () => {
    const { round } = await scoredRound(db, 24);
    await publishRound(db, round.id, EDITOR);
    // 24 of the 36 that apply judged: 66.7%, above the default 60%.
    expect((await getPublicationSettings(db)).minCoveragePercent).toBe(60);
    expect((await getDashboardSummary(db, {})).latest).toMatchObject({ preliminary: false });
    const { version } = await readDataVersion(db);

    expect(await setMinCoveragePercent(db, 75, EDITOR)).toEqual({ before: 60, after: 75 });
    expect((await readDataVersion(db)).version).toBeGreaterThan(version);
    expect(await getPublicationSettings(db)).toMatchObject({ minCoveragePercent: 75, updatedByName: "Demo editor" });
    const after = await getDashboardSummary(db, {});
    expect(after.latest).toMatchObject({ preliminary: true });
    expect(after.minCoverage).toBe(0.75);
    expect((await listAuditEntries(db, {})).entries[0]).toMatchObject({ action: "settings.min_coverage", before: { minCoveragePercent: 60 }, after: { minCoveragePercent: 75 } });
  });
});
