// Releases on the seed: every publication records one; a correction stores only what changed; an
// earlier release reads exactly as it was published; nothing can rewrite a release.
import { rawAll, rawExec, rawGet, rawInsert, rawRun } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import type { Status } from "@/lib/domain";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getDashboardSummary, type DashboardSummary } from "../queries/dashboard-summary";
import {
  currentReleaseNumber,
  getRelease,
  isPinnedPagePublic,
  iterateScoresAsOf,
  listPublishedRoundsAsOf,
  listReleaseChanges,
  listReleases,
  listRoundsAsOf,
  listScoreDetailsAsOf,
  listScoresAsOf,
} from "../queries/releases";
import { listRoundBenchmarks } from "../queries/review";
import { usesPostgres } from "../dialect";
import { refreshPublishedAggregatesNow } from "./published-aggregates";
import { previewPublication, publishRound } from "./publishing";
import { backfillReleaseTallies } from "./releases";
import { createAssessment } from "./review";

const A = "demo-reviewer-a";
const B = "demo-reviewer-b";
const EDITOR = "demo-editor";

let db: Db;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const count = async (query: string, ...params: unknown[]) => ((await rawGet(db, query, ...params)) as { n: number }).n;

async function addRound(slug: string, startDate: string) {
  const track = (await rawGet(db, "SELECT id FROM tracks WHERE slug = 'un-hrc'")) as { id: number };
  const id = await rawInsert(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES (?, ?, ?, ?, 'day')", slug, track.id, `Session ${slug}`, startDate);
  return { id, slug, startDate, trackId: track.id };
}

async function score(round: { id: number }, benchmarkId: number, reviewerId: string, status: Status, rationale = `${reviewerId} reads it as ${status}.`) {
  const latest = (await rawGet(db, "SELECT COALESCE(MAX(id), 0) AS id FROM assessments WHERE round_id = ? AND benchmark_id = ? AND reviewer_id = ?", round.id, benchmarkId, reviewerId)) as { id: number };
  await createAssessment(db, { benchmarkId, roundId: round.id, reviewerId, status, rationale, evidence: [], expectedLatestId: latest.id });
}

/** What a reader sees of the dashboard's figures, without what may legitimately differ in form. */
const figures = (s: DashboardSummary) => ({
  rounds: s.rounds.map((r) => r.slug),
  series: s.series.map((x) => ({ round: x.round.slug, index: x.index, tally: x.tally, applicable: x.applicable, coverage: x.coverage, preliminary: x.preliminary })),
  latest: s.latest?.round.slug,
  previous: s.previous?.round.slug,
  byCategory: s.byCategory,
  byAddressee: s.byAddressee,
  changeCounts: s.changeCounts,
  changes: s.changes.map((c) => `${c.benchmark.slug}:${c.from}->${c.to}`).sort(),
  heatMap: s.heatMap.flatMap((g) => g.rows.map((r) => `${r.benchmark.slug}:${r.cells.map((c) => c.status).join(",")}`)),
});

/** A new round in which both reviewers agree on every public benchmark: not met. */
async function publishNewRound() {
  const round = await addRound("hrc-40", "2019-02-25");
  const benchmarks = (await listRoundBenchmarks(db, round)).filter((b) => !b.confidential);
  for (const b of benchmarks) {
    await score(round, b.id, A, "not_met");
    await score(round, b.id, B, "not_met");
  }
  const result = await publishRound(db, round.id, EDITOR, { note: "The 40th session." });
  return { round, benchmarks, result };
}

describe("releases", () => {
  it("start with the seeded data as release 1, holding every published score once", async () => {
    expect(await currentReleaseNumber(db)).toBe(1);
    const [first] = await listReleases(db);
    expect(first).toMatchObject({ number: 1, kind: "other" });
    expect(first!.rounds.length).toBe(await count("SELECT count(*) AS n FROM rounds WHERE published_at IS NOT NULL"));
    expect(await count("SELECT count(*) AS n FROM release_scores")).toBe(await count("SELECT count(*) AS n FROM published_scores"));
  });

  it("number each publication, store only the published round's rows, and read an old release as it was", async () => {
    const before = await getDashboardSummary(db, {});
    const rowsBefore = await count("SELECT count(*) AS n FROM release_scores");
    const { round, benchmarks, result } = await publishNewRound();

    expect(result.release).toBe(2);
    const release = await getRelease(db, 2);
    expect(release).toMatchObject({ number: 2, kind: "new-round", note: "The 40th session.", changed: benchmarks.length });
    expect(release!.rounds).toEqual([{ id: round.id, slug: "hrc-40", name: "Session hrc-40", nameZh: null, firstTime: true }]);
    // Only the new round's scores were added; nothing earlier was copied or closed.
    expect(await count("SELECT count(*) AS n FROM release_scores")).toBe(rowsBefore + benchmarks.length);
    expect(await count("SELECT count(*) AS n FROM release_scores WHERE valid_to_release IS NOT NULL")).toBe(0);

    // As of release 1 the dashboard is the one before the publication, as of 2 the one now.
    expect(figures(await getDashboardSummary(db, {}, { release: 1 }))).toEqual(figures(before));
    expect(figures(await getDashboardSummary(db, {}, { release: 2 }))).toEqual(figures(await getDashboardSummary(db, {})));
    expect((await getDashboardSummary(db, {}, { release: 1 })).rounds.map((r) => r.slug)).not.toContain("hrc-40");
  });

  it("keep an earlier release's figures and scores when a round is corrected, and the changelog names each change", async () => {
    const { round, benchmarks } = await publishNewRound();
    const atRelease2 = await getDashboardSummary(db, {});
    const scoresAt2 = await listScoresAsOf(db, 2, { roundIds: [round.id] });
    const corrected = benchmarks.slice(0, 3);
    const category = ((await rawGet(db, "SELECT c.slug FROM categories c JOIN benchmarks b ON b.category_id = c.id WHERE b.id = ?", corrected[0]!.id)) as { slug: string }).slug;
    const categoryAt2 = await getDashboardSummary(db, { category });
    const rowsBefore = await count("SELECT count(*) AS n FROM release_scores");

    for (const b of corrected) {
      await score(round, b.id, A, "met", `Released in March, says ${A}.`);
      await score(round, b.id, B, "met", `Released in March, says ${B}.`);
    }
    const { release } = await publishRound(db, round.id, EDITOR, { note: "Three releases confirmed." });
    expect(release).toBe(3);
    expect(await getRelease(db, 3)).toMatchObject({ kind: "correction", changed: 3, note: "Three releases confirmed." });
    expect((await getRelease(db, 3))!.rounds[0]!.firstTime).toBe(false);

    // Three rows added, three closed: the correction's changes only.
    expect(await count("SELECT count(*) AS n FROM release_scores")).toBe(rowsBefore + 3);
    expect(await count("SELECT count(*) AS n FROM release_scores WHERE valid_to_release = 3")).toBe(3);

    // Release 2 still reads as it was published; release 3 as the data now.
    expect(figures(await getDashboardSummary(db, {}, { release: 2 }))).toEqual(figures(atRelease2));
    expect(await listScoresAsOf(db, 2, { roundIds: [round.id] })).toEqual(scoresAt2);
    const now = await getDashboardSummary(db, {});
    expect(now.latest?.tally.met).toBe(atRelease2.latest!.tally.met + 3);
    expect(figures(await getDashboardSummary(db, {}, { release: 3 }))).toEqual(figures(now));
    // A filtered view as of an old release too.
    expect(figures(await getDashboardSummary(db, { category }, { release: 2 }))).toEqual(figures(categoryAt2));

    const { rows, total } = await listReleaseChanges(db, 3, { limit: 100, offset: 0 });
    expect(total).toBe(3);
    expect(rows.map((r) => r.benchmark.slug).sort()).toEqual(corrected.map((b) => b.slug).sort());
    for (const change of rows) {
      expect(change).toMatchObject({ round: { slug: "hrc-40" }, newRound: false, before: "not_met", after: "met", rationaleChanged: true });
      expect(change.rationale).toMatch(/^Released in March, says/);
    }
    const first = await listReleaseChanges(db, 2, { limit: 5, offset: 0 });
    expect(first.total).toBe(benchmarks.length);
    expect(first.rows.every((r) => r.newRound && r.before === null && r.after === "not_met")).toBe(true);
  });

  it("list an old release's rounds, scores and pinned pages as they were at it (the data package's and pinned pages' queries)", async () => {
    const publishedBefore = await count("SELECT count(*) AS n FROM rounds WHERE published_at IS NOT NULL");
    const { round, benchmarks } = await publishNewRound();

    const atFirst = await listRoundsAsOf(db, 1);
    expect(atFirst.length).toBe(publishedBefore);
    expect(atFirst.map((r) => r.slug)).not.toContain("hrc-40");
    expect(atFirst.every((r) => r.firstRelease === 1 && r.trackSlug.length > 0)).toBe(true);
    const atSecond = await listRoundsAsOf(db, 2);
    expect(atSecond.find((r) => r.id === round.id)).toEqual({ id: round.id, slug: "hrc-40", name: "Session hrc-40", trackSlug: "un-hrc", startDate: "2019-02-25", firstRelease: 2 });
    expect((await listPublishedRoundsAsOf(db, 1)).map((r) => r.slug)).toEqual(atFirst.map((r) => r.slug));

    const scoresAtSecond = [];
    for await (const s of iterateScoresAsOf(db, 2)) scoresAtSecond.push(s);
    const publicScores = "SELECT count(*) AS n FROM published_scores ps JOIN public_benchmarks pb ON pb.benchmark_id = ps.benchmark_id";
    expect(scoresAtSecond.length).toBe(await count(publicScores));
    expect(scoresAtSecond.filter((s) => s.roundId === round.id).length).toBe(benchmarks.length);
    const scoresAtFirst = [];
    for await (const s of iterateScoresAsOf(db, 1)) scoresAtFirst.push(s);
    expect(scoresAtFirst.length).toBe(scoresAtSecond.length - benchmarks.length);
    expect(scoresAtFirst.every((s) => typeof s.publicRecord === "boolean" && typeof s.demo === "boolean")).toBe(true);

    const release2 = (await getRelease(db, 2))!;
    const details = await listScoreDetailsAsOf(db, release2, [benchmarks[0]!.id], [round.id]);
    expect(details).toMatchObject([{ benchmarkId: benchmarks[0]!.id, roundId: round.id, status: "not_met", decidedAt: release2.publishedAt }]);

    expect(await isPinnedPagePublic(db, 2, { round: "hrc-40" })).toBe(true);
    expect(await isPinnedPagePublic(db, 1, { round: "hrc-40" })).toBe(false);
    expect(await isPinnedPagePublic(db, 1, { benchmark: benchmarks[0]!.slug })).toBe(true);
    expect(await isPinnedPagePublic(db, 3, {})).toBe(false);
  });

  it("record a release for a publication that changes nothing, and none for a rehearsal", async () => {
    const { round } = await publishNewRound();
    await previewPublication(db, round.id, EDITOR);
    expect(await currentReleaseNumber(db)).toBe(2);
    await publishRound(db, round.id, EDITOR);
    expect(await getRelease(db, 3)).toMatchObject({ kind: "correction", changed: 0 });
  });

  it("withhold a confidential person's name in both scripts from the changes of a view as of a release", async () => {
    const secret = { name: "Withheld Releaseperson", nameZh: "保密证人丙" };
    await rawRun(db, "INSERT INTO subjects (slug, kind, name, name_zh, role, description, confidential) VALUES ('secret-release-person', 'person', ?, ?, 'x', '', 1)", secret.name, secret.nameZh);
    const changed = (await getDashboardSummary(db, {})).changes[0]!.benchmark;
    await rawRun(db, "UPDATE benchmarks SET title = title || ' (see ' || ? || ')', title_zh = COALESCE(title_zh, title) || '（另见' || ? || '）' WHERE id = ?", secret.name, secret.nameZh, changed.id);
    for (const summary of [await getDashboardSummary(db, {}), await getDashboardSummary(db, {}, { release: 1 })]) {
      const shown = summary.changes.find((c) => c.benchmark.id === changed.id)!.benchmark;
      expect(shown.title).not.toContain(secret.name);
      expect(shown.titleZh).not.toContain(secret.nameZh);
      expect(shown.titleZh, "the rest of the Chinese title is shown").toMatch(/另见/);
    }
  });

  it("store each release's figures, adding rows only for the groups whose figures a publication changed", async () => {
    const groups = async (where: string, ...params: unknown[]) =>
      rawAll(db, `SELECT round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo FROM release_tallies WHERE ${where} ORDER BY round_id, category_id, addressee`, ...params);
    const published = () => rawAll(db, "SELECT round_id, category_id, addressee, applicable, met, partial, not_met, regressed, unknown, demo FROM public_tallies ORDER BY round_id, category_id, addressee");
    expect(await groups("valid_to_release IS NULL")).toEqual(await published());
    const atRelease1 = await count("SELECT count(*) AS n FROM release_tallies");
    expect(atRelease1).toBeGreaterThan(0);

    const { round, benchmarks } = await publishNewRound();
    // The new round's groups only: no earlier round's figures changed, so none was copied or closed.
    expect(await groups("valid_from_release = 2")).toEqual((await published()).filter((g) => g.round_id === round.id));
    expect(await count("SELECT count(*) AS n FROM release_tallies WHERE valid_to_release IS NOT NULL")).toBe(0);

    const corrected = benchmarks[0]!;
    await score(round, corrected.id, A, "met");
    await score(round, corrected.id, B, "met");
    await publishRound(db, round.id, EDITOR);
    // One benchmark of one group changed: that group's row closed and its new figures added.
    const closed = await groups("valid_to_release = 3");
    const added = await groups("valid_from_release = 3");
    expect(closed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ round_id: round.id, met: (closed[0]!.met as number) + 1, not_met: (closed[0]!.not_met as number) - 1 });
    expect(await groups("valid_to_release IS NULL")).toEqual(await published());
  });

  it("keep a release's figures as it published them when a benchmark is withheld later, without naming it", async () => {
    const { round, benchmarks } = await publishNewRound();
    const atRelease2 = await getDashboardSummary(db, {}, { release: 2 });
    const withheld = benchmarks[0]!;
    await rawRun(db, "UPDATE benchmarks SET confidential = 1 WHERE id = ?", withheld.id);
    await refreshPublishedAggregatesNow(db);
    expect((await getDashboardSummary(db, {})).latest!.applicable).toBe(atRelease2.latest!.applicable - 1);
    const asOf2 = await getDashboardSummary(db, {}, { release: 2 });
    expect(asOf2.series).toEqual(atRelease2.series);
    expect(asOf2.latest!.round.id).toBe(round.id);
    const listed = asOf2.heatMap.flatMap((g) => g.rows.map((r) => r.benchmark.id));
    expect(listed).not.toContain(withheld.id);
    expect(JSON.stringify(asOf2)).not.toContain(withheld.slug);
  });

  it("count the figures of releases recorded before figures were stored, as the release's scores give them", async () => {
    await publishNewRound();
    const expected = [await getDashboardSummary(db, {}, { release: 1 }), await getDashboardSummary(db, {}, { release: 2 })].map(figures);
    // A database from before migration 0017: releases, no stored figures (the delete trigger set aside to make one).
    if (usesPostgres()) {
      await rawExec(db, "ALTER TABLE release_tallies DISABLE TRIGGER USER; DELETE FROM release_tallies; ALTER TABLE release_tallies ENABLE TRIGGER USER");
    } else {
      await rawExec(db, "DROP TRIGGER release_tallies_immutable_delete; DELETE FROM release_tallies");
    }
    expect(await backfillReleaseTallies(db)).toBe(2);
    // The figures counted from each release's scores are the ones stored when it was recorded.
    expect([await getDashboardSummary(db, {}, { release: 1 }), await getDashboardSummary(db, {}, { release: 2 })].map(figures)).toEqual(expected);
    // Once stored, never counted again.
    expect(await backfillReleaseTallies(db)).toBe(0);
  });

  it("cannot be changed or deleted, and a score row can only be closed once", async () => {
    const { round } = await publishNewRound();
    await expect(rawRun(db, "UPDATE releases SET note = 'rewritten' WHERE number = 2")).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "DELETE FROM releases WHERE number = 2")).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "DELETE FROM release_rounds")).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "UPDATE release_rounds SET first_time = 0")).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "DELETE FROM release_scores WHERE round_id = ?", round.id)).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "UPDATE release_scores SET status = 'met' WHERE round_id = ?", round.id)).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "UPDATE release_scores SET valid_to_release = 1 WHERE round_id = ?", round.id)).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "DELETE FROM release_tallies")).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "UPDATE release_tallies SET met = met + 1 WHERE round_id = ?", round.id)).rejects.toThrow(/immutable/);
    await expect(rawRun(db, "UPDATE release_tallies SET valid_to_release = 1 WHERE round_id = ?", round.id)).rejects.toThrow(/immutable/);
    expect(await count("SELECT count(*) AS n FROM releases")).toBe(2);
  });
});

