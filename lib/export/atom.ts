// Atom 1.0 feeds of published status changes, written by the `feed` package, in English or Chinese.
// One entry per change: "Title: Not met → Partial (round)", with the rationale as it was written (in
// either language, marked with its own), and a link to the benchmark's page in the feed's language.
import { Feed } from "feed";
import type { ContentLang, Status } from "@/lib/domain";
import { localizedPath } from "@/lib/i18n/locales";
import { localized } from "@/lib/localized";
import { CATALOGUES } from "@/lib/export/words";

export interface FeedChange {
  roundSlug: string;
  roundName: string;
  roundNameZh: string | null;
  benchmarkSlug: string;
  benchmarkTitle: string;
  benchmarkTitleZh: string | null;
  fromStatus: Status;
  fromRoundName: string;
  fromRoundNameZh: string | null;
  toStatus: Status;
  rationale: string;
  rationaleLang: ContentLang;
  isDemo: boolean;
  publishedAt: string;
}

export interface FeedDescription {
  /** What the feed follows, e.g. "Status changes: Human Rights Council, 37th session", in the feed's language. */
  title: string;
  /** The page the feed belongs to, and the feed's own address, both absolute. */
  pageUrl: string;
  feedUrl: string;
  baseUrl: string;
  lang: ContentLang;
}

/** The few words a feed says in its own voice, in each language. */
export const FEED_WORDS = {
  en: {
    allTitle: "Dialogue Scorecard: status changes",
    title: (name: string) => `Status changes: ${name}`,
    change: (from: string, fromRound: string, to: string, round: string) => `${from} at ${fromRound} → ${to} at ${round}.`,
    rationale: "Rationale: ",
    noRationale: "No rationale was published.",
    demo: "Demo data: this score is an example, not an assessment.",
    copyright: "Scores shipped with the app are demo data.",
    generator: "Dialogue Scorecard",
    pageFeed: "Status changes of this page (Atom)",
    allFeed: "All status changes (Atom)",
  },
  zh: {
    allTitle: "对话记分卡：状态变化",
    title: (name: string) => `状态变化：${name}`,
    change: (from: string, fromRound: string, to: string, round: string) => `${fromRound}：${from} → ${round}：${to}。`,
    rationale: "理由：",
    noRationale: "未公布理由。",
    demo: "演示数据：此评分仅为示例，并非评估。",
    copyright: "本应用自带的评分为演示数据。",
    generator: "对话记分卡",
    pageFeed: "本页的状态变化（Atom）",
    allFeed: "全部状态变化（Atom）",
  },
} as const;

// The pages' status words (the catalogues), so a feed never names a status differently from a page.
const STATUS_WORDS: Record<ContentLang, Record<Status, string>> = { en: CATALOGUES.en.status, zh: CATALOGUES.zh.status };

/** The feed's texts are HTML in Atom (type="html"): every text is escaped, so no name or rationale can carry markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const textIn = (lang: ContentLang, en: string, zh: string | null) => localized(lang, en, zh).text;

export function changeTitle(change: FeedChange, lang: ContentLang = "en"): string {
  const status = STATUS_WORDS[lang];
  const title = textIn(lang, change.benchmarkTitle, change.benchmarkTitleZh);
  const round = textIn(lang, change.roundName, change.roundNameZh);
  return lang === "zh"
    ? `${title}：${status[change.fromStatus]} → ${status[change.toStatus]}（${round}）`
    : `${title}: ${status[change.fromStatus]} → ${status[change.toStatus]} (${round})`;
}

function changeSummary(change: FeedChange, lang: ContentLang): string {
  const words = FEED_WORDS[lang];
  const status = STATUS_WORDS[lang];
  const paragraph = (text: string, textLang: ContentLang = lang) => `<p${textLang === lang ? "" : ` lang="${textLang}"`}>${escapeHtml(text)}</p>`;
  const line = words.change(
    status[change.fromStatus],
    textIn(lang, change.fromRoundName, change.fromRoundNameZh),
    status[change.toStatus],
    textIn(lang, change.roundName, change.roundNameZh),
  );
  return [
    paragraph(line),
    !change.rationale
      ? paragraph(words.noRationale)
      : change.rationaleLang === lang
        ? paragraph(words.rationale + change.rationale)
        : `<p>${escapeHtml(words.rationale)}<span lang="${change.rationaleLang}">${escapeHtml(change.rationale)}</span></p>`,
    ...(change.isDemo ? [paragraph(words.demo)] : []),
  ].join("");
}

/** The feed's XML. Its `updated` is the latest publication among its entries (the epoch when it has none, so it stays the same). */
export function buildAtomFeed(description: FeedDescription, changes: readonly FeedChange[]): string {
  const { lang } = description;
  const words = FEED_WORDS[lang];
  const dates = changes.map((c) => new Date(c.publishedAt)).filter((d) => Number.isFinite(d.getTime()));
  const updated = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
  const feed = new Feed({
    title: description.title,
    id: description.feedUrl,
    link: description.pageUrl,
    feed: description.feedUrl,
    language: lang === "zh" ? "zh-Hans" : "en",
    updated,
    generator: words.generator,
    author: { name: words.generator, link: description.baseUrl },
    copyright: words.copyright,
  });
  for (const change of changes) {
    const link = new URL(localizedPath(lang, `/benchmarks/${encodeURIComponent(change.benchmarkSlug)}`), description.baseUrl).toString();
    feed.addItem({
      title: escapeHtml(changeTitle(change, lang)),
      // The entry's id is the change itself, the same in both languages' feeds.
      id: new URL(`/rounds/${encodeURIComponent(change.roundSlug)}?change=${encodeURIComponent(change.benchmarkSlug)}`, description.baseUrl).toString(),
      link,
      date: new Date(change.publishedAt),
      description: changeSummary(change, lang),
    });
  }
  return feed.atom1();
}
