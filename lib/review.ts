// From reviewers' latest assessments to what an editor publishes. Pure, so each rule is tested.
import type { Status } from "./domain";
import { cohensKappa, percentAgreement, type RatingPair } from "./scoring";

export interface LatestAssessment {
  id: number;
  reviewerId: string;
  status: Status;
}

export interface Decision {
  /** The assessment that stands: a reviewer's, or the editor's own ruling. */
  assessmentId: number;
  status: Status;
  /** The editor's own status and rationale rather than a reviewer's. */
  isRuling: boolean;
}

export type Proposal =
  | { kind: "agreement"; status: Status; assessmentId: number; evidenceFrom: number[] }
  | { kind: "decided"; status: Status; assessmentId: number; evidenceFrom: number[] }
  | { kind: "disagreement"; statuses: Status[] }
  | { kind: "incomplete"; reviewers: number };

/**
 * What a benchmark's published score at a round would be. Two or more reviewers who all agree
 * propose their status, with the evidence of them all; where they differ, an editor's latest
 * ruling decides: their own ruling always, a choice of a reviewer's assessment only while it is
 * that reviewer's current one (a ruling on an assessment since superseded no longer counts).
 */
export function proposeScore(latest: readonly LatestAssessment[], decision: Decision | null): Proposal {
  if (decision?.isRuling) return { kind: "decided", status: decision.status, assessmentId: decision.assessmentId, evidenceFrom: [decision.assessmentId] };
  if (decision) {
    const chosen = latest.find((a) => a.id === decision.assessmentId);
    if (chosen) return { kind: "decided", status: chosen.status, assessmentId: chosen.id, evidenceFrom: [chosen.id] };
  }
  if (latest.length < 2) return { kind: "incomplete", reviewers: latest.length };
  const statuses = [...new Set(latest.map((a) => a.status))];
  if (statuses.length === 1) return { kind: "agreement", status: statuses[0]!, assessmentId: latest[0]!.id, evidenceFrom: latest.map((a) => a.id) };
  return { kind: "disagreement", statuses };
}

export interface EvidenceLink {
  url: string;
  title: string;
  publishedOn: string | null;
}

/**
 * The evidence the public sees with a published score: every link of the assessments it rests on,
 * in their order, each address once (the first title given for it stands).
 */
export function unionEvidence(lists: ReadonlyArray<readonly EvidenceLink[]>): EvidenceLink[] {
  const byUrl = new Map<string, EvidenceLink>();
  for (const list of lists) for (const link of list) if (!byUrl.has(link.url)) byUrl.set(link.url, { url: link.url, title: link.title, publishedOn: link.publishedOn });
  return [...byUrl.values()];
}

/**
 * Agreement at a round between the two reviewers who scored most benchmarks there, over the
 * benchmarks both scored.
 */
export function roundAgreement(latestByBenchmark: ReadonlyMap<number, readonly LatestAssessment[]>) {
  const counts = new Map<string, number>();
  for (const list of latestByBenchmark.values()) for (const a of list) counts.set(a.reviewerId, (counts.get(a.reviewerId) ?? 0) + 1);
  const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const pairs: RatingPair[] = [];
  if (first && second) {
    for (const list of latestByBenchmark.values()) {
      const a = list.find((x) => x.reviewerId === first);
      const b = list.find((x) => x.reviewerId === second);
      if (a && b) pairs.push([a.status, b.status]);
    }
  }
  return { reviewers: [first, second] as const, items: pairs.length, percent: percentAgreement(pairs), kappa: cohensKappa(pairs) };
}

export type DeadlineState = "none" | "open" | "due-soon" | "overdue";

/** Where a round stands against its scoring deadline (an ISO date, the last day to score). */
export function deadlineState(deadline: string | null, today: string, dueSoonDays = 7): DeadlineState {
  if (!deadline) return "none";
  if (today > deadline) return "overdue";
  const days = (Date.parse(deadline) - Date.parse(today)) / 86_400_000;
  return days <= dueSoonDays ? "due-soon" : "open";
}

/** Where a carried-forward score comes from: a published score, or this reviewer's own earlier one. */
export interface CarryForwardSource {
  roundName: string;
  status: Status;
  rationale: string;
  /** Demo text is never repeated in a real score. */
  isDemo: boolean;
}

const CARRIED_PREFIX = /^Carried forward unchanged from [^:\n]{1,300}: /;
const RATIONALE_LIMIT = 4000;

/**
 * The rationale of a score carried forward unchanged: it names the round it came from and repeats
 * the reason given there, unless that reason is demo text; a reason carried before is not prefixed twice.
 */
export function carriedForwardRationale(source: CarryForwardSource): string {
  if (source.isDemo) return `Carried forward unchanged from ${source.roundName}. The score there was demo data, so its rationale is not repeated.`;
  const reason = source.rationale.trim().replace(CARRIED_PREFIX, "");
  const text = `Carried forward unchanged from ${source.roundName}: ${reason}`;
  return text.length <= RATIONALE_LIMIT ? text : `Carried forward unchanged from ${source.roundName}; its rationale is there.`;
}

/** The next benchmark in queue order after the current one that this reviewer has not scored, wrapping round; null when none is left. */
export function nextUnscored(order: readonly string[], scored: ReadonlySet<string>, current: string): string | null {
  const start = order.indexOf(current);
  for (let step = 1; step <= order.length; step++) {
    const slug = order[(start + step) % order.length]!;
    if (slug !== current && !scored.has(slug)) return slug;
  }
  return null;
}

export const QUEUE_VIEWS = ["all", "to-score", "scored", "disagreements"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueueEntry {
  mine: LatestAssessment | undefined;
  /** Other reviewers' latest assessments, with their names. */
  others: ReadonlyArray<LatestAssessment & { reviewerName: string }>;
}

/**
 * Blind scoring: another reviewer's score is shown to this reviewer only once both have scored.
 * Before that the list is empty, whatever the others did.
 */
export function visibleOtherScores(entry: QueueEntry): QueueEntry["others"] {
  return entry.mine ? entry.others : [];
}

/** A disagreement: this reviewer's latest status differs from another reviewer's latest. */
export function isDisagreement(entry: QueueEntry): boolean {
  return visibleOtherScores(entry).some((other) => other.status !== entry.mine!.status);
}

export function inQueueView(view: QueueView, entry: QueueEntry): boolean {
  if (view === "to-score") return !entry.mine;
  if (view === "scored") return Boolean(entry.mine);
  if (view === "disagreements") return isDisagreement(entry);
  return true;
}
