import "server-only";
// The Atom feeds of published status changes, one scheme for every kind:
//   /feeds/changes.atom                 every change
//   /feeds/<kind>/<slug>.atom           one track, round, benchmark, person or law
// each in English, or in Chinese with ?lang=zh (what a Chinese page links to): Chinese names and
// status words where there are, the English otherwise, the rationale as it was written.
// A feed of something the public may not see (an unpublished round, a confidential benchmark or person)
// answers 404, exactly like one that does not exist.
import { getDb } from "@/db/client";
import type { Executor } from "@/db/transaction";
import { getPublicBenchmark } from "@/db/queries/benchmarks";
import { getTrackBySlug, listStatusChanges, type FeedScope } from "@/db/queries/feeds";
import { getPublishedRound } from "@/db/queries/rounds";
import { getPublicSubject } from "@/db/queries/subjects";
import { buildAtomFeed, FEED_WORDS } from "@/lib/export/atom";
import type { ContentLang } from "@/lib/domain";
import { contentLang, localized } from "@/lib/localized";
import { localizedPath } from "@/lib/i18n/locales";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { cachedByPublishedData } from "@/server/published-cache";

export const FEED_KINDS = ["tracks", "rounds", "benchmarks", "people", "laws"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The address of a feed: of every change, or of one page's subject; in Chinese with ?lang=zh. */
export function feedPath(kind?: FeedKind, slug?: string, lang: ContentLang = "en"): string {
  const path = kind && slug ? `/feeds/${kind}/${encodeURIComponent(slug)}.atom` : "/feeds/changes.atom";
  return lang === "zh" ? `${path}?lang=zh` : path;
}

/** `alternates.types` for a page's metadata: its feed in the page's language, for readers and browsers that follow <link rel="alternate">. */
export function feedAlternates(locale: string, kind?: FeedKind, slug?: string) {
  const lang = contentLang(locale);
  const words = FEED_WORDS[lang];
  return { types: { "application/atom+xml": [{ url: feedPath(kind, slug, lang), title: kind && slug ? words.pageFeed : words.allFeed }] } };
}

/** ?lang= of a feed's address: absent or en for English, zh for Chinese; anything else is refused. */
export function parseFeedLang(value: string | null): ContentLang | undefined {
  if (value === null || value === "en") return "en";
  return value === "zh" ? "zh" : undefined;
}

interface Resolved {
  scope: FeedScope;
  title: string;
  pagePath: string;
}

async function resolve(db: Executor, kind: FeedKind, slug: string, lang: ContentLang): Promise<Resolved | undefined> {
  const title = (en: string, zh: string | null | undefined) => FEED_WORDS[lang].title(localized(lang, en, zh).text);
  switch (kind) {
    case "tracks": {
      const track = await getTrackBySlug(db, slug);
      return track && { scope: { kind: "track", id: track.id }, title: title(track.name, track.nameZh), pagePath: `/?track=${encodeURIComponent(slug)}` };
    }
    case "rounds": {
      const round = await getPublishedRound(db, slug);
      return round && { scope: { kind: "round", id: round.id }, title: title(round.name, round.nameZh), pagePath: `/rounds/${encodeURIComponent(slug)}` };
    }
    case "benchmarks": {
      const benchmark = await getPublicBenchmark(db, slug);
      return benchmark && { scope: { kind: "benchmark", id: benchmark.id }, title: title(benchmark.title, benchmark.titleZh), pagePath: `/benchmarks/${encodeURIComponent(slug)}` };
    }
    case "people":
    case "laws": {
      const subject = await getPublicSubject(db, kind, slug);
      return subject && { scope: { kind: "subject", id: subject.id }, title: title(subject.name, subject.nameZh), pagePath: `/${kind}/${encodeURIComponent(slug)}` };
    }
  }
}

/** The feed's XML for a path under /feeds/ (its segments), or undefined for a 404. */
export async function renderFeed(segments: readonly string[], lang: ContentLang = "en"): Promise<string | undefined> {
  const db = getDb();
  let resolved: Resolved | undefined;
  if (segments.length === 1 && segments[0] === "changes.atom") {
    resolved = { scope: { kind: "all" }, title: FEED_WORDS[lang].allTitle, pagePath: "/" };
  } else if (segments.length === 2 && (FEED_KINDS as readonly string[]).includes(segments[0]!) && segments[1]!.endsWith(".atom")) {
    const slug = segments[1]!.slice(0, -".atom".length);
    if (slug.length > 120 || !SLUG.test(slug)) return undefined;
    resolved = await resolve(db, segments[0] as FeedKind, slug, lang);
  }
  if (!resolved) return undefined;
  const { scope, title, pagePath } = resolved;
  const base = publicBaseUrl(readEnv());
  const path = `/feeds/${segments.join("/")}`;
  return cachedByPublishedData(["feed", lang, path], async () =>
    buildAtomFeed(
      { title, pageUrl: new URL(localizedPath(lang, pagePath), base).toString(), feedUrl: new URL(feedPathOf(path, lang), base).toString(), baseUrl: base, lang },
      await listStatusChanges(db, scope),
    ),
  );
}

const feedPathOf = (path: string, lang: ContentLang) => (lang === "zh" ? `${path}?lang=zh` : path);
