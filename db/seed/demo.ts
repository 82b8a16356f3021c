// Demo assessments for the seed: two demo reviewers score every benchmark at every round where it applies (within its scope),
// following each benchmark's outcome timeline. Deterministic, so every fresh database is the same.
import type { Status } from "@/lib/domain";
import { isApplicable } from "@/lib/scoring";
import type { SeedBenchmark, SeedRound } from "./types";

export const DEMO_USERS = [
  { id: "demo-editor", email: "demo-editor@example.org", name: "Demo editor", role: "editor" },
  { id: "demo-reviewer-a", email: "demo-reviewer-a@example.org", name: "Demo reviewer A", role: "reviewer" },
  { id: "demo-reviewer-b", email: "demo-reviewer-b@example.org", name: "Demo reviewer B", role: "reviewer" },
] as const;

export interface DemoScore {
  benchmarkSlug: string;
  roundSlug: string;
  reviewerA: { status: Status; rationale: string; publicRecord: boolean };
  reviewerB: { status: Status; rationale: string; publicRecord: boolean };
  published: { status: Status; basis: "agreement" | "editor" };
}

// The seed holds only the events its five documents and a few public reports give: where it has none
// for a benchmark, the demo says that, not that nothing happened.
const NOT_CHECKED =
  "Demo score, illustrative only: not checked against the public record; the seed dataset holds no event bearing on this demand by this round.";

/** A regression counts only at its own round; later rounds start from it without claiming anything new. */
const afterSetback = (rationale: string) => `Demo score, illustrative only: scored from the earlier setback, not checked against the public record since. (${rationale})`;

// Where reviewer B reads the same facts differently: a neighbouring status on the scale.
const SECOND_OPINION: Record<Status, Status> = {
  met: "partial",
  partial: "not_met",
  not_met: "unknown",
  regressed: "not_met",
  unknown: "not_met",
};

/** A small stable hash (FNV-1a) so "which pairs disagree" never changes between runs. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function roundsInOrder(rounds: readonly SeedRound[]): SeedRound[] {
  return [...rounds].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.slug.localeCompare(b.slug));
}

export function buildDemoScores(benchmarks: readonly SeedBenchmark[], rounds: readonly SeedRound[]): DemoScore[] {
  const ordered = roundsInOrder(rounds);
  const startOf = new Map(ordered.map((r) => [r.slug, r.startDate]));
  // isApplicable compares track ids: number the seed's tracks by first appearance.
  const trackNumber = new Map([...new Set(ordered.map((r) => r.trackSlug))].map((slug, i) => [slug, i]));
  const scores: DemoScore[] = [];

  for (const benchmark of benchmarks) {
    const appliesFromDate = startOf.get(benchmark.appliesFromRoundSlug);
    if (!appliesFromDate) throw new Error(`Benchmark ${benchmark.slug}: unknown round ${benchmark.appliesFromRoundSlug}`);
    // A track no round belongs to gets no number and so matches no round.
    const scopeTrackIds = benchmark.scopeTrackSlugs.map((slug) => trackNumber.get(slug) ?? -1);
    const window = { appliesFromDate, retiredOn: benchmark.retired?.on ?? null, scopeTrackIds };
    for (const round of ordered) {
      if (!isApplicable(window, { startDate: round.startDate, trackId: trackNumber.get(round.trackSlug)! })) continue;

      const outcome = benchmark.outcomes
        .filter((o) => (startOf.get(o.fromRoundSlug) ?? "9999") <= round.startDate)
        .at(-1);
      // "regressed" means worse than the round before, so it holds only at the round it was recorded for.
      const carriedRegression = outcome?.status === "regressed" && outcome.fromRoundSlug !== round.slug;
      const status: Status = !outcome ? "not_met" : carriedRegression ? "not_met" : outcome.status;
      const rationale = !outcome ? NOT_CHECKED : carriedRegression ? afterSetback(outcome.rationale) : outcome.rationale;
      // Only the round's own outcome rests on public record; what the demo infers from it does not.
      const publicRecord = Boolean(outcome?.publicRecord) && !carriedRegression;

      const disagrees = !outcome?.publicRecord && stableHash(`${benchmark.slug}@${round.slug}`) % 9 === 0;
      const statusB = disagrees ? SECOND_OPINION[status] : status;
      scores.push({
        benchmarkSlug: benchmark.slug,
        roundSlug: round.slug,
        reviewerA: { status, rationale, publicRecord },
        reviewerB: {
          status: statusB,
          rationale: disagrees ? "Demo score: this reviewer judged the same facts differently." : rationale,
          publicRecord: disagrees ? false : publicRecord,
        },
        published: { status, basis: disagrees ? "editor" : "agreement" },
      });
    }
  }
  return scores;
}
