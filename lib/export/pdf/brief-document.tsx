// The brief: the same view as the full scorecard in at most two pages, for a briefing folder. Title
// block (data version, filters in words, denominator), headline figures with their change and coverage,
// what changed since the previous round with one-line rationales, the named people's cases in a compact
// table, the method in three lines. What does not fit is counted, and the full scorecard named.
import { Document, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { describeChange, describeDataVersion, describeFiltersInWords, describeRelease, footerRelease, footerVersion } from "../describe";
import type { ExportWords } from "../words";
import { BRIEF_FONT, BRIEF_LINE_HEIGHT, BRIEF_MARGINS, CASE_COLUMNS, CHANGE_COLUMNS, listPersonCases, selectChanges, type BriefLimits, type PersonCase } from "./brief-layout";
import { PDF_FONT } from "./fonts";
import { NOT_SCORED, StatusKey } from "./scorecard-document";
import type { PdfChanges, PdfRoundFigures, ScorecardPdfData } from "./scorecard-types";

const small = { fontSize: BRIEF_FONT.small, lineHeight: BRIEF_LINE_HEIGHT, color: "#57534e" } as const;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT, fontSize: BRIEF_FONT.body, paddingTop: BRIEF_MARGINS.top, paddingBottom: BRIEF_MARGINS.bottom, paddingHorizontal: BRIEF_MARGINS.side, color: "#1c1917" },
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.2, marginBottom: 4 },
  subtitle: { fontSize: 11, lineHeight: 1.3, color: "#44403c" },
  meta: { fontSize: 8, color: "#44403c", marginTop: 2, lineHeight: 1.3 },
  metaLabel: { fontWeight: 700 },
  notice: { marginTop: 6, padding: 5, backgroundColor: "#fef3c7", borderColor: "#fcd34d", borderWidth: 1, fontSize: 8, lineHeight: 1.3 },
  h2: { fontSize: 11, fontWeight: 700, lineHeight: 1.3, marginTop: 10, marginBottom: 4 },
  figures: { flexDirection: "row", gap: 5 },
  figure: { flexGrow: 1, flexBasis: 0, borderWidth: 1, borderColor: "#d6d3d1", padding: 4 },
  figureLabel: { fontSize: 7, lineHeight: 1.3, color: "#57534e" },
  figureValue: { fontSize: 13, fontWeight: 700, lineHeight: 1.2 },
  figureChange: { fontSize: 6.5, lineHeight: 1.3, color: "#57534e" },
  small,
  change: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#d6d3d1", paddingVertical: 2 },
  changeArrow: { width: CHANGE_COLUMNS.arrow, fontWeight: 700, fontSize: BRIEF_FONT.body, lineHeight: BRIEF_LINE_HEIGHT },
  changeBody: { flexGrow: 1, flexBasis: 0, paddingRight: 4 },
  changeTitle: { fontSize: BRIEF_FONT.body, lineHeight: BRIEF_LINE_HEIGHT },
  changeStatuses: { width: CHANGE_COLUMNS.statuses, textAlign: "right", fontSize: BRIEF_FONT.body, lineHeight: BRIEF_LINE_HEIGHT },
  tableHeader: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#78716c", paddingVertical: 2, fontWeight: 700, fontSize: BRIEF_FONT.table, lineHeight: BRIEF_LINE_HEIGHT },
  caseRow: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#d6d3d1", paddingVertical: 1.5, fontSize: BRIEF_FONT.table, lineHeight: BRIEF_LINE_HEIGHT },
  personCell: { width: `${CASE_COLUMNS.person * 100}%`, paddingRight: 4 },
  demandCell: { width: `${CASE_COLUMNS.demand * 100}%`, paddingRight: 4 },
  statusCell: { flexGrow: 1, flexBasis: 0, paddingRight: 4 },
  moveCell: { flexGrow: 1, flexBasis: 0 },
  method: { fontSize: BRIEF_FONT.small, lineHeight: BRIEF_LINE_HEIGHT, marginBottom: 1 },
  link: { color: "#1d4ed8", textDecoration: "underline" },
  footer: { position: "absolute", bottom: 20, left: BRIEF_MARGINS.side, right: BRIEF_MARGINS.side, fontSize: 7, color: "#78716c", textAlign: "right" },
});

const UP = "#14532d";
const DOWN = "#7f1d1d";

function signedCount(n: number): string {
  return n === 0 ? "±0" : `${n > 0 ? "+" : "\u2212"}${Math.abs(n)}`;
}

function Headline({ latest, previous, since, words }: { latest: PdfRoundFigures; previous: PdfRoundFigures | null; since: string; words: ExportWords }) {
  const { t } = words;
  const delta = (pick: (f: PdfRoundFigures) => number) => (previous ? signedCount(pick(latest) - pick(previous)) : null);
  const figures: Array<[string, string, string | null]> = [
    [t("index"), formatIndex(latest.index), previous ? formatSignedDelta(latest.index !== null && previous.index !== null ? latest.index - previous.index : null) : null],
    [words.status("met"), String(latest.tally.met), delta((f) => f.tally.met)],
    [words.status("partial"), String(latest.tally.partial), delta((f) => f.tally.partial)],
    [words.status("not_met"), String(latest.tally.not_met), delta((f) => f.tally.not_met)],
    [words.status("regressed"), String(latest.tally.regressed), delta((f) => f.tally.regressed)],
    [
      t("coverage"),
      formatPercent(latest.coverage),
      previous && latest.coverage !== null && previous.coverage !== null
        ? t("brief.points", { delta: signedCount(Math.round(100 * latest.coverage) - Math.round(100 * previous.coverage)) })
        : null,
    ],
  ];
  return (
    <View style={styles.figures}>
      {figures.map(([label, value, change]) => (
        <View key={label} style={styles.figure}>
          <Text style={styles.figureLabel}>{label}</Text>
          <Text style={styles.figureValue}>{value}</Text>
          <Text style={styles.figureChange}>{change ? `${change} ${since}` : " "}</Text>
        </View>
      ))}
    </View>
  );
}

function BriefChanges({ changes, limit, fullScorecardUrl, words }: { changes: PdfChanges | null; limit: number; fullScorecardUrl: string; words: ExportWords }) {
  const { t } = words;
  if (!changes) return <Text style={styles.small}>{t("noEarlier")}</Text>;
  const { counts, fromRound, toRound } = changes;
  const total = counts.up + counts.down;
  if (total === 0) return <Text style={styles.small}>{t("noChange", { from: fromRound.name, to: toRound.name })}</Text>;
  const listed = selectChanges(changes.items, limit);
  const more = { up: counts.up - listed.filter((c) => c.direction === "up").length, down: counts.down - listed.filter((c) => c.direction === "down").length };
  return (
    <View>
      <Text style={[styles.small, { marginBottom: 2 }]}>{t("changeCounts", { up: counts.up, down: counts.down, from: fromRound.name, to: toRound.name })}</Text>
      {listed.map((c) => (
        <View key={c.benchmarkId} style={styles.change} wrap={false}>
          <Text style={[styles.changeArrow, { color: c.direction === "up" ? UP : DOWN }]}>{c.direction === "up" ? t("up") : t("down")}</Text>
          <View style={styles.changeBody}>
            <Text style={styles.changeTitle}>
              {c.title}
              {c.sinceRoundName ? <Text style={styles.small}>{t("sinceRound", { round: c.sinceRoundName })}</Text> : null}
            </Text>
            {c.rationale && <Text style={styles.small}>{c.rationale}</Text>}
          </View>
          <Text style={styles.changeStatuses}>{describeChange(c.from, c.to, words)}</Text>
        </View>
      ))}
      {more.up + more.down > 0 && (
        <Text style={[styles.small, { marginTop: 2 }]} wrap={false}>
          {t("brief.moreChanges", { count: more.up + more.down, up: more.up, down: more.down })}
          <Link src={fullScorecardUrl} style={styles.link}>
            {fullScorecardUrl}
          </Link>
        </Text>
      )}
    </View>
  );
}

function Cases({
  cases,
  limit,
  latestLabel,
  previousName,
  fullScorecardUrl,
  words,
}: {
  cases: PersonCase[];
  limit: number;
  latestLabel: string;
  previousName: string | null;
  fullScorecardUrl: string;
  words: ExportWords;
}) {
  const { t } = words;
  if (cases.length === 0) return <Text style={styles.small}>{t("brief.noCases")}</Text>;
  const listed = cases.slice(0, limit);
  const more = cases.length - listed.length;
  return (
    <View>
      <View style={styles.tableHeader} wrap={false}>
        <Text style={styles.personCell}>{t("brief.person")}</Text>
        <Text style={styles.demandCell}>{t("brief.demand")}</Text>
        <Text style={styles.statusCell}>{latestLabel}</Text>
        <Text style={styles.moveCell}>{previousName ? t("brief.sincePrevious") : t("brief.change")}</Text>
      </View>
      {listed.map((c, i) => (
        <View key={`${c.benchmarkId}-${i}`} style={styles.caseRow} wrap={false}>
          <Text style={styles.personCell}>{c.person}</Text>
          <Text style={styles.demandCell}>{c.demand}</Text>
          <View style={styles.statusCell}>{c.status ? <StatusKey status={c.status} words={words} /> : <Text>{NOT_SCORED}</Text>}</View>
          <Text style={[styles.moveCell, c.change ? { color: c.change.direction === "up" ? UP : DOWN } : {}]}>
            {c.change ? t("brief.movedFrom", { arrow: c.change.direction === "up" ? "▲" : "▼", status: words.status(c.change.from) }) : "—"}
          </Text>
        </View>
      ))}
      <Text style={[styles.small, { marginTop: 2 }]}>
        {previousName ? t("brief.casesNoteSince", { notScored: NOT_SCORED, round: latestLabel, previous: previousName }) : t("brief.casesNote", { notScored: NOT_SCORED, round: latestLabel })}
        {more > 0 ? t("brief.moreCases", { count: more }) : ""}
        {more > 0 ? (
          <Link src={fullScorecardUrl} style={styles.link}>
            {fullScorecardUrl}
          </Link>
        ) : null}
      </Text>
    </View>
  );
}

export function BriefDocument({ data, size, limits, fullScorecardUrl, words }: { data: ScorecardPdfData; size: "A4" | "LETTER"; limits: BriefLimits; fullScorecardUrl: string; words: ExportWords }) {
  const { t } = words;
  const latest = data.series.at(-1);
  const previous = data.previous;
  const since = previous ? t("since", { round: previous.label }) : "";
  const rounds = data.series.map((s) => s.round);
  const tracks = [...new Set(rounds.map((r) => r.trackName))];
  const title = rounds.length === 1 ? rounds[0]!.name : rounds.length ? `${rounds[0]!.name} – ${rounds.at(-1)!.name}` : t("noRound");

  return (
    <Document title={t("brief.docTitle", { title })} author={t("name")} subject={t("brief.subject")} language={words.lang === "zh" ? "zh-Hans" : "en"}>
      <Page size={size} style={styles.page}>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            t("brief.footer", { release: footerRelease(data.release, words), version: footerVersion(data.dataVersion, words), demo: data.hasDemo ? t("footerDemo") : "", page: pageNumber, pages: totalPages })
          }
        />
        <Text style={styles.title}>{t("brief.title")}</Text>
        <Text style={styles.subtitle}>{title}</Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>{t("trackLabel")}</Text>
          {words.names(tracks) || "—"}
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>{t("dataVersionLabel")}</Text>
          {t("dataVersionNote", { version: describeDataVersion(data.dataVersion, words) })}
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>{t("releaseLabel")}</Text>
          {describeRelease(data.release, words)}
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>{t("filtersLabel")}</Text>
          {describeFiltersInWords(data.filters, data.filterNames, words)}
        </Text>
        {latest && (
          <Text style={styles.meta}>
            <Text style={styles.metaLabel}>{t("denominatorLabel")}</Text>
            {t("denominator", { judged: latest.judged, applicable: latest.applicable, round: latest.round.name, coverage: formatPercent(latest.coverage) })}
          </Text>
        )}
        {data.hasDemo && <Text style={styles.notice}>{t("demoNotice", { note: t("demoNote") })}</Text>}
        {latest?.preliminary && (
          <Text style={styles.notice}>
            {t("brief.preliminaryNotice", { judged: latest.judged, applicable: latest.applicable, coverage: formatPercent(latest.coverage), threshold: formatPercent(data.minCoverage) })}
          </Text>
        )}

        {latest && (
          <>
            <Text style={styles.h2}>
              {t("headline", { round: latest.round.name })}
              {latest.preliminary ? t("headlinePreliminary") : ""}
            </Text>
            <Headline latest={latest} previous={previous} since={since} words={words} />

            <Text style={styles.h2} minPresenceAhead={40}>
              {data.changes ? t("changesHeadingSince", { round: data.changes.fromRound.name }) : t("changesHeading")}
            </Text>
            <BriefChanges changes={data.changes} limit={limits.changes} fullScorecardUrl={fullScorecardUrl} words={words} />

            <Text style={styles.h2} minPresenceAhead={40}>
              {t("brief.casesHeading", { round: latest.round.name })}
            </Text>
            <Cases
              cases={listPersonCases(data, words)}
              limit={limits.cases}
              latestLabel={latest.label}
              previousName={previous?.round.name ?? null}
              fullScorecardUrl={fullScorecardUrl}
              words={words}
            />
          </>
        )}

        <View wrap={false}>
          <Text style={styles.h2}>{t("brief.methodHeading")}</Text>
          <Text style={styles.method}>{t("brief.method1")}</Text>
          <Text style={styles.method}>{t("brief.method2")}</Text>
          <Text style={styles.method}>{t("brief.method3")}</Text>
        </View>
      </Page>
    </Document>
  );
}
