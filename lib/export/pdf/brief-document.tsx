// The brief: the same view as the full scorecard in at most two pages, for a briefing folder. Title
// block (data version, filters in words, denominator), headline figures with their change and coverage,
// what changed since the previous round with one-line rationales, the named people's cases in a compact
// table, the method in three lines. What does not fit is counted, and the full scorecard named.
import { Document, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { DEMO_NOTE, describeChange, describeDataVersion, describeRelease, describeFiltersInWords } from "../describe";
import { BRIEF_FONT, BRIEF_LINE_HEIGHT, BRIEF_MARGINS, CASE_COLUMNS, CHANGE_COLUMNS, listPersonCases, selectChanges, type BriefLimits, type PersonCase } from "./brief-layout";
import { PDF_FONT } from "./fonts";
import { NOT_SCORED, SHORT, StatusKey } from "./scorecard-document";
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
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function signedCount(n: number): string {
  return n === 0 ? "±0" : `${n > 0 ? "+" : "\u2212"}${Math.abs(n)}`;
}

function Headline({ latest, previous, since }: { latest: PdfRoundFigures; previous: PdfRoundFigures | null; since: string }) {
  const delta = (pick: (f: PdfRoundFigures) => number) => (previous ? signedCount(pick(latest) - pick(previous)) : null);
  const figures: Array<[string, string, string | null]> = [
    ["Fulfilment index", formatIndex(latest.index), previous ? formatSignedDelta(latest.index !== null && previous.index !== null ? latest.index - previous.index : null) : null],
    ["Met", String(latest.tally.met), delta((f) => f.tally.met)],
    ["Partial", String(latest.tally.partial), delta((f) => f.tally.partial)],
    ["Not met", String(latest.tally.not_met), delta((f) => f.tally.not_met)],
    ["Regressed", String(latest.tally.regressed), delta((f) => f.tally.regressed)],
    [
      "Coverage",
      formatPercent(latest.coverage),
      previous && latest.coverage !== null && previous.coverage !== null ? `${signedCount(Math.round(100 * latest.coverage) - Math.round(100 * previous.coverage))} pts` : null,
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

function BriefChanges({ changes, limit, fullScorecardUrl }: { changes: PdfChanges | null; limit: number; fullScorecardUrl: string }) {
  if (!changes) return <Text style={styles.small}>There is no earlier published round to compare with.</Text>;
  const { counts, fromRound, toRound } = changes;
  const total = counts.up + counts.down;
  if (total === 0) return <Text style={styles.small}>No benchmark in view changed status between {fromRound.name} and {toRound.name}.</Text>;
  const listed = selectChanges(changes.items, limit);
  const more = { up: counts.up - listed.filter((c) => c.direction === "up").length, down: counts.down - listed.filter((c) => c.direction === "down").length };
  return (
    <View>
      <Text style={[styles.small, { marginBottom: 2 }]}>
        {counts.up} up, {counts.down} down between {fromRound.name} and {toRound.name}.
      </Text>
      {listed.map((c) => (
        <View key={c.benchmarkId} style={styles.change} wrap={false}>
          <Text style={[styles.changeArrow, { color: c.direction === "up" ? UP : DOWN }]}>{c.direction === "up" ? "▲ Up" : "▼ Down"}</Text>
          <View style={styles.changeBody}>
            <Text style={styles.changeTitle}>
              {c.title}
              {c.sinceRoundName ? <Text style={styles.small}>{` (since ${c.sinceRoundName})`}</Text> : null}
            </Text>
            {c.rationale && <Text style={styles.small}>{c.rationale}</Text>}
          </View>
          <Text style={styles.changeStatuses}>{describeChange(c.from, c.to)}</Text>
        </View>
      ))}
      {more.up + more.down > 0 && (
        <Text style={[styles.small, { marginTop: 2 }]} wrap={false}>
          {`${plural(more.up + more.down, "more change", "more changes")} (${more.up} up, ${more.down} down) ${more.up + more.down === 1 ? "is" : "are"} not listed here: the full scorecard of this view lists every one with its rationale and evidence, `}
          <Link src={fullScorecardUrl} style={styles.link}>
            {fullScorecardUrl}
          </Link>
        </Text>
      )}
    </View>
  );
}

function Cases({ cases, limit, latestLabel, previousName, fullScorecardUrl }: { cases: PersonCase[]; limit: number; latestLabel: string; previousName: string | null; fullScorecardUrl: string }) {
  if (cases.length === 0) return <Text style={styles.small}>No benchmark in view names a person.</Text>;
  const listed = cases.slice(0, limit);
  const more = cases.length - listed.length;
  return (
    <View>
      <View style={styles.tableHeader} wrap={false}>
        <Text style={styles.personCell}>Person</Text>
        <Text style={styles.demandCell}>Demand</Text>
        <Text style={styles.statusCell}>{latestLabel}</Text>
        <Text style={styles.moveCell}>{previousName ? "Since previous round" : "Change"}</Text>
      </View>
      {listed.map((c, i) => (
        <View key={`${c.benchmarkId}-${i}`} style={styles.caseRow} wrap={false}>
          <Text style={styles.personCell}>{c.person}</Text>
          <Text style={styles.demandCell}>{c.demand}</Text>
          <View style={styles.statusCell}>{c.status ? <StatusKey status={c.status} /> : <Text>{NOT_SCORED}</Text>}</View>
          <Text style={[styles.moveCell, c.change ? { color: c.change.direction === "up" ? UP : DOWN } : {}]}>
            {c.change ? `${c.change.direction === "up" ? "▲" : "▼"} from ${SHORT[c.change.from]}` : "—"}
          </Text>
        </View>
      ))}
      <Text style={[styles.small, { marginTop: 2 }]}>
        {`${NOT_SCORED}: applies, but no published score at ${latestLabel}. —: no move up or down the scale${previousName ? ` since ${previousName}` : ""}.`}
        {more > 0 ? ` ${plural(more, "more case", "more cases")} not listed here: see the full scorecard, ` : ""}
        {more > 0 ? (
          <Link src={fullScorecardUrl} style={styles.link}>
            {fullScorecardUrl}
          </Link>
        ) : null}
      </Text>
    </View>
  );
}

export function BriefDocument({ data, size, limits, fullScorecardUrl }: { data: ScorecardPdfData; size: "A4" | "LETTER"; limits: BriefLimits; fullScorecardUrl: string }) {
  const latest = data.series.at(-1);
  const previous = data.previous;
  const since = previous ? `since ${previous.label}` : "";
  const rounds = data.series.map((s) => s.round);
  const tracks = [...new Set(rounds.map((r) => r.trackName))];
  const title = rounds.length === 1 ? rounds[0]!.name : rounds.length ? `${rounds[0]!.name} – ${rounds.at(-1)!.name}` : "No published round in view";

  return (
    <Document title={`Dialogue Scorecard brief: ${title}`} author="Dialogue Scorecard" subject="Two-page brief of human-rights dialogue benchmarks" language="en">
      <Page size={size} style={styles.page}>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            `Dialogue Scorecard brief · ${data.release ? `release ${data.release.number} · ` : ""}data version ${data.dataVersion?.slice(0, 10) ?? "—"}${data.hasDemo ? " · DEMO DATA" : ""} · Page ${pageNumber} of ${totalPages}`
          }
        />
        <Text style={styles.title}>Dialogue Scorecard — brief</Text>
        <Text style={styles.subtitle}>{title}</Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>Track: </Text>
          {tracks.join(", ") || "—"}
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>Data version: </Text>
          {describeDataVersion(data.dataVersion)}, the latest publication of a round in view
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>Release: </Text>
          {describeRelease(data.release)}
        </Text>
        <Text style={styles.meta}>
          <Text style={styles.metaLabel}>Filters: </Text>
          {describeFiltersInWords(data.filters, data.filterNames)}
        </Text>
        {latest && (
          <Text style={styles.meta}>
            <Text style={styles.metaLabel}>Denominator: </Text>
            the index counts the {latest.judged} judged of the {latest.applicable} benchmarks that apply at {latest.round.name} (coverage {formatPercent(latest.coverage)}); those
            scored unknown are left out.
          </Text>
        )}
        {data.hasDemo && <Text style={styles.notice}>DEMO DATA — {DEMO_NOTE}</Text>}
        {latest?.preliminary && (
          <Text style={styles.notice}>
            PRELIMINARY — only {latest.judged} of {latest.applicable} applicable benchmarks ({formatPercent(latest.coverage)}) are judged for this round so far, fewer than the{" "}
            {formatPercent(data.minCoverage)} the editors require; its figures will change as scoring continues.
          </Text>
        )}

        {latest && (
          <>
            <Text style={styles.h2}>
              Headline: {latest.round.name}
              {latest.preliminary ? " — PRELIMINARY" : ""}
            </Text>
            <Headline latest={latest} previous={previous} since={since} />

            <Text style={styles.h2} minPresenceAhead={40}>
              What changed{data.changes ? ` since ${data.changes.fromRound.name}` : ""}
            </Text>
            <BriefChanges changes={data.changes} limit={limits.changes} fullScorecardUrl={fullScorecardUrl} />

            <Text style={styles.h2} minPresenceAhead={40}>
              People named: their cases at {latest.round.name}
            </Text>
            <Cases cases={listPersonCases(data)} limit={limits.cases} latestLabel={latest.label} previousName={previous?.round.name ?? null} fullScorecardUrl={fullScorecardUrl} />
          </>
        )}

        <View wrap={false}>
          <Text style={styles.h2}>Method in three lines</Text>
          <Text style={styles.method}>
            1. Each benchmark is one concrete demand from a civil-society or government statement; after each round two reviewers score it independently, and an editor decides where they disagree.
          </Text>
          <Text style={styles.method}>2. Fulfilment index = 100 × (met + ½ partial) ÷ judged benchmarks; unknown is left out. Coverage = judged ÷ benchmarks that apply at the round.</Text>
          <Text style={styles.method}>
            3. Only published scores count; confidential people and benchmarks are never included. Evidence, sources and every benchmark: the full scorecard of this view and the site&apos;s Method page.
          </Text>
        </View>
      </Page>
    </Document>
  );
}
