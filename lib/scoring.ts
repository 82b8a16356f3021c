// The figures the product publishes, as pure functions. Each returns null, never NaN or a made-up 0,
// when its denominator is empty: "nothing to judge" must not read as "nothing achieved".
import { STATUSES, type Status } from "./domain";

export type StatusTally = Record<Status, number>;

export function emptyTally(): StatusTally {
  return { met: 0, partial: 0, not_met: 0, regressed: 0, unknown: 0 };
}

export function tallyStatuses(statuses: Iterable<Status>): StatusTally {
  const tally = emptyTally();
  for (const status of statuses) tally[status] += 1;
  return tally;
}

/** Scored with any status, unknown included. */
export function scoredCount(t: StatusTally): number {
  return STATUSES.reduce((sum, s) => sum + t[s], 0);
}

/** Judged = met + partial + not met + regressed; unknown is not a judgement. The index denominator. */
export function judgedCount(t: StatusTally): number {
  return t.met + t.partial + t.not_met + t.regressed;
}

/** 100 × (met + ½ partial) ÷ judged; null when nothing was judged. */
export function fulfilmentIndex(t: StatusTally): number | null {
  const judged = judgedCount(t);
  return judged === 0 ? null : (100 * (t.met + 0.5 * t.partial)) / judged;
}

/** Judged ÷ applicable, a fraction; null when nothing applies. More judged than applicable is a data error. */
export function coverage(t: StatusTally, applicable: number): number | null {
  const judged = judgedCount(t);
  if (judged > applicable) throw new RangeError(`${judged} benchmarks judged but only ${applicable} apply`);
  return applicable === 0 ? null : judged / applicable;
}

/** Regressed ÷ judged; null when nothing was judged. */
export function regressionRate(t: StatusTally): number | null {
  const judged = judgedCount(t);
  return judged === 0 ? null : t.regressed / judged;
}

/** Each status's share of everything scored (unknown included), summing to 1; null when nothing was scored. */
export function statusShares(t: StatusTally): StatusTally | null {
  const scored = scoredCount(t);
  if (scored === 0) return null;
  const shares = emptyTally();
  for (const s of STATUSES) shares[s] = t[s] / scored;
  return shares;
}

export interface ApplicabilityWindow {
  /** Start date of the round the benchmark applies from. */
  appliesFromDate: string;
  retiredOn: string | null;
  /** Its scope: the tracks at whose rounds it is assessed. None listed: every track's, tracks added later included. */
  scopeTrackIds: readonly number[];
}

/** Whether a benchmark is assessed at the rounds of a track. */
export function isInScope(benchmark: Pick<ApplicabilityWindow, "scopeTrackIds">, trackId: number): boolean {
  return benchmark.scopeTrackIds.length === 0 || benchmark.scopeTrackIds.includes(trackId);
}

/**
 * A benchmark applies at every round of a track in its scope, from its first round until it is
 * retired (ISO dates compare as text).
 */
export function isApplicable(benchmark: ApplicabilityWindow, round: { startDate: string; trackId: number }): boolean {
  if (round.startDate < benchmark.appliesFromDate) return false;
  if (!isInScope(benchmark, round.trackId)) return false;
  return benchmark.retiredOn === null || round.startDate < benchmark.retiredOn;
}

/**
 * What a benchmark's status at `round` is compared with: its status at the latest of `rounds` before
 * `round` (in timeline order) at which it applies. For a benchmark assessed at every track that is
 * simply the previous round; for one scoped to the bilateral dialogue, the previous dialogue round,
 * however many Council sessions came between. Undefined where it does not apply at `round` itself.
 */
export function previousApplicableRound<R extends { id: number; startDate: string; trackId: number }>(
  benchmark: ApplicabilityWindow,
  rounds: readonly R[],
  round: R,
): R | undefined {
  if (!isApplicable(benchmark, round)) return undefined;
  const before = (r: R) => r.startDate < round.startDate || (r.startDate === round.startDate && r.id < round.id);
  return rounds.filter((r) => before(r) && isApplicable(benchmark, r)).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id).at(-1);
}

export interface RoundSummary {
  applicable: number;
  scored: number;
  judged: number;
  tally: StatusTally;
  index: number | null;
  coverage: number | null;
  regressionRate: number | null;
}

export function summariseTally(tally: StatusTally, applicable: number): RoundSummary {
  return {
    applicable,
    scored: scoredCount(tally),
    judged: judgedCount(tally),
    tally,
    index: fulfilmentIndex(tally),
    coverage: coverage(tally, applicable),
    regressionRate: regressionRate(tally),
  };
}

export function summariseRound(input: { applicable: number; statuses: Iterable<Status> }): RoundSummary {
  return summariseTally(tallyStatuses(input.statuses), input.applicable);
}

/** The coverage editors start from: below it, a published round's figures are preliminary. */
export const DEFAULT_MIN_COVERAGE_PERCENT = 60;

/**
 * A round's figures are preliminary while less than `minCoverage` (a fraction) of its applicable
 * benchmarks are judged: its index rests on too few benchmarks to stand for the round, or to
 * compare with another. A round where nothing applies has nothing to mislead with.
 */
export function isPreliminary(summary: Pick<RoundSummary, "coverage">, minCoverage: number): boolean {
  return summary.coverage !== null && summary.coverage < minCoverage;
}

export interface RoundComparison {
  /** Change of the index in points; null if either round has no index. */
  index: number | null;
  counts: StatusTally;
}

export function compareRounds(previous: RoundSummary, current: RoundSummary): RoundComparison {
  const counts = emptyTally();
  for (const s of STATUSES) counts[s] = current.tally[s] - previous.tally[s];
  const index = previous.index === null || current.index === null ? null : current.index - previous.index;
  return { index, counts };
}

export type RatingPair = readonly [Status, Status];

/** Share of items both reviewers gave the same status; null for no items. */
export function percentAgreement(pairs: readonly RatingPair[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.filter(([a, b]) => a === b).length / pairs.length;
}

/**
 * Cohen's kappa = (po − pe) ÷ (1 − pe), pe = Σ pA(s)·pB(s) over the statuses. Null for no items.
 * When both reviewers used one and the same status throughout, pe = 1 and the formula is 0/0;
 * they agree perfectly, so we report 1.
 */
export function cohensKappa(pairs: readonly RatingPair[]): number | null {
  const po = percentAgreement(pairs);
  if (po === null) return null;
  const n = pairs.length;
  const a = tallyStatuses(pairs.map(([x]) => x));
  const b = tallyStatuses(pairs.map(([, y]) => y));
  const pe = STATUSES.reduce((sum, s) => sum + (a[s] / n) * (b[s] / n), 0);
  if (pe === 1) return 1;
  return (po - pe) / (1 - pe);
}
