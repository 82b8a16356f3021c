import "server-only";
// The Atom feeds of published status changes, one scheme for every kind:
//   /feeds/changes.atom                 every change
//   /feeds/<kind>/<slug>.atom           one track, round, benchmark, person or law
// A feed of something the public may not see (an unpublished round, a confidential benchmark or person)
// answers 404, exactly like one that does not exist.
import { getDb } from "@/db/client";
import type { Executor } from "@/db/transaction";
import { getPublicBenchmark } from "@/db/queries/benchmarks";
import { getTrackBySlug, listStatusChanges, type FeedScope } from "@/db/queries/feeds";
import { getPublishedRound } from "@/db/queries/rounds";
import { getPublicSubject } from "@/db/queries/subjects";
import { buildAtomFeed } from "@/lib/export/atom";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { cachedByPublishedData } from "@/server/published-cache";

export const FEED_KINDS = ["tracks", "rounds", "benchmarks", "people", "laws"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The address of a feed: of every change, or of one page's subject. */
export function feedPath(kind?: FeedKind, slug?: string): string {
  return kind && slug ? `/feeds/${kind}/${encodeURIComponent(slug)}.atom` : "/feeds/changes.atom";
}

/** `alternates.types` for a page's metadata: its feed, for readers and browsers that follow <link rel="alternate">. */
export function feedAlternates(kind?: FeedKind, slug?: string) {
  return { types: { "application/atom+xml": [{ url: feedPath(kind, slug), title: kind && slug ? "Status changes of this page (Atom)" : "All status changes (Atom)" }] } };
}

interface Resolved {
  scope: FeedScope;
  title: string;
  pagePath: string;
}

async function resolve(db: Executor, kind: FeedKind, slug: string): Promise<Resolved | undefined> {
  switch (kind) {
    case "tracks": {
      const track = await getTrackBySlug(db, slug);
      return track && { scope: { kind: "track", id: track.id }, title: `Status changes: ${track.name}`, pagePath: `/?track=${encodeURIComponent(slug)}` };
    }
    case "rounds": {
      const round = await getPublishedRound(db, slug);
      return round && { scope: { kind: "round", id: round.id }, title: `Status changes: ${round.name}`, pagePath: `/rounds/${encodeURIComponent(slug)}` };
    }
    case "benchmarks": {
      const benchmark = await getPublicBenchmark(db, slug);
      return benchmark && { scope: { kind: "benchmark", id: benchmark.id }, title: `Status changes: ${benchmark.title}`, pagePath: `/benchmarks/${encodeURIComponent(slug)}` };
    }
    case "people":
    case "laws": {
      const subject = await getPublicSubject(db, kind, slug);
      return subject && { scope: { kind: "subject", id: subject.id }, title: `Status changes: ${subject.name}`, pagePath: `/${kind}/${encodeURIComponent(slug)}` };
    }
  }
}

/** The feed's XML for a path under /feeds/ (its segments), or undefined for a 404. */
export async function renderFeed(segments: readonly string[]): Promise<string | undefined> {
  const db = getDb();
  let resolved: Resolved | undefined;
  if (segments.length === 1 && segments[0] === "changes.atom") {
    resolved = { scope: { kind: "all" }, title: "Dialogue Scorecard: status changes", pagePath: "/" };
  } else if (segments.length === 2 && (FEED_KINDS as readonly string[]).includes(segments[0]!) && segments[1]!.endsWith(".atom")) {
    const slug = segments[1]!.slice(0, -".atom".length);
    if (slug.length > 120 || !SLUG.test(slug)) return undefined;
    resolved = await resolve(db, segments[0] as FeedKind, slug);
  }
  if (!resolved) return undefined;
  const { scope, title, pagePath } = resolved;
  const base = publicBaseUrl(readEnv());
  const path = `/feeds/${segments.join("/")}`;
  return cachedByPublishedData(["feed", path], async () =>
    buildAtomFeed({ title, pageUrl: new URL(pagePath, base).toString(), feedUrl: new URL(path, base).toString(), baseUrl: base }, await listStatusChanges(db, scope)),
  );
}
