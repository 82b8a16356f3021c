// Atom 1.0 feeds of published status changes, written by the `feed` package. One entry per change:
// "Title: Not met → Partial (round)", with the rationale, and a link to the benchmark's page.
import { Feed } from "feed";
import { STATUS_LABELS, type Status } from "@/lib/domain";

export interface FeedChange {
  roundSlug: string;
  roundName: string;
  benchmarkSlug: string;
  benchmarkTitle: string;
  fromStatus: Status;
  fromRoundName: string;
  toStatus: Status;
  rationale: string;
  isDemo: boolean;
  publishedAt: string;
}

export interface FeedDescription {
  /** What the feed follows, e.g. "Status changes: Human Rights Council, 37th session". */
  title: string;
  /** The page the feed belongs to, and the feed's own address, both absolute. */
  pageUrl: string;
  feedUrl: string;
  baseUrl: string;
}

/** The feed's texts are HTML in Atom (type="html"): every text is escaped, so no name or rationale can carry markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function changeTitle(change: FeedChange): string {
  return `${change.benchmarkTitle}: ${STATUS_LABELS[change.fromStatus]} → ${STATUS_LABELS[change.toStatus]} (${change.roundName})`;
}

function changeSummary(change: FeedChange): string {
  const lines = [
    `${STATUS_LABELS[change.fromStatus]} at ${change.fromRoundName} → ${STATUS_LABELS[change.toStatus]} at ${change.roundName}.`,
    change.rationale ? `Rationale: ${change.rationale}` : "No rationale was published.",
    ...(change.isDemo ? ["Demo data: this score is an example, not an assessment."] : []),
  ];
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("");
}

/** The feed's XML. Its `updated` is the latest publication among its entries (the epoch when it has none, so it stays the same). */
export function buildAtomFeed(description: FeedDescription, changes: readonly FeedChange[]): string {
  const dates = changes.map((c) => new Date(c.publishedAt)).filter((d) => Number.isFinite(d.getTime()));
  const updated = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
  const feed = new Feed({
    title: description.title,
    id: description.feedUrl,
    link: description.pageUrl,
    feed: description.feedUrl,
    language: "en",
    updated,
    generator: "Dialogue Scorecard",
    author: { name: "Dialogue Scorecard", link: description.baseUrl },
    copyright: "Scores shipped with the app are demo data.",
  });
  for (const change of changes) {
    const link = new URL(`/benchmarks/${encodeURIComponent(change.benchmarkSlug)}`, description.baseUrl).toString();
    feed.addItem({
      title: escapeHtml(changeTitle(change)),
      id: new URL(`/rounds/${encodeURIComponent(change.roundSlug)}?change=${encodeURIComponent(change.benchmarkSlug)}`, description.baseUrl).toString(),
      link,
      date: new Date(change.publishedAt),
      description: changeSummary(change),
    });
  }
  return feed.atom1();
}
