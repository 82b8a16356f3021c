// The full scorecard PDF: title block (filters, data version and denominator in words), headline
// figures, the index chart (two rounds or more), what changed since the previous round, a legend,
// the table of benchmarks by round with each one's rationale, evidence links, people and sources,
// and the method in brief.
import { Document, G, Line, Link, Page, Path, Rect, StyleSheet, Svg, Text, View, Circle } from "@react-pdf/renderer";
import { STATUSES, type Status } from "@/lib/domain";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { STATUS_BADGE } from "@/lib/status-style";
import { describeChange, describeDataVersion, describeFiltersInWords, describeRelease, footerRelease, footerVersion } from "../describe";
import type { ExportWords } from "../words";
import { PDF_FONT } from "./fonts";
import { paginateScorecardTable, type TableItem } from "./scorecard-layout";
import type { PdfBenchmarkDetail, PdfChanges, PdfRoundFigures, ScorecardPdfData } from "./scorecard-types";

/** A heading moves to the next page unless this much room (points) is left below it for what it heads. */
const KEEP_WITH_HEADING = 70;

const styles = StyleSheet.create({
  // No lineHeight on the page: inherited by the page-number footer, it hides it. A lineHeight needs
  // its fontSize beside it: without one it is taken of react-pdf's default 18 pt, and lines spread apart.
  page: { fontFamily: PDF_FONT, fontSize: 8.5, paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36, color: "#1c1917" },
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.2, marginBottom: 4 },
  subtitle: { fontSize: 11, lineHeight: 1.3, color: "#44403c" },
  meta: { fontSize: 8, color: "#44403c", marginTop: 2, lineHeight: 1.3 },
  metaLabel: { fontWeight: 700 },
  demo: { marginTop: 8, padding: 6, backgroundColor: "#fef3c7", borderColor: "#fcd34d", borderWidth: 1, fontSize: 8 },
  h2: { fontSize: 11, fontWeight: 700, marginTop: 14, marginBottom: 4 },
  figures: { flexDirection: "row", gap: 6 },
  figure: { flexGrow: 1, borderWidth: 1, borderColor: "#d6d3d1", padding: 5 },
  figureLabel: { fontSize: 7, color: "#57534e" },
  figureValue: { fontSize: 14, fontWeight: 700, lineHeight: 1.2 },
  figureChange: { fontSize: 7, color: "#57534e" },
  change: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#d6d3d1", paddingVertical: 2 },
  changeArrow: { width: 42, fontWeight: 700 },
  changeBody: { flexGrow: 1, flexBasis: 0 },
  changeStatuses: { width: 120, textAlign: "right" },
  legend: { borderWidth: 0.5, borderColor: "#d6d3d1", padding: 4, marginBottom: 6, flexDirection: "row", gap: 10 },
  legendColumn: { flexGrow: 1, flexBasis: 0 },
  legendLine: { flexDirection: "row", fontSize: 7, lineHeight: 1.3, marginBottom: 1 },
  legendKey: { width: 56, fontSize: 7, textAlign: "center", borderRadius: 2, marginRight: 4 },
  tableHeader: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#78716c", paddingBottom: 2, paddingTop: 2, fontWeight: 700, backgroundColor: "#ffffff" },
  row: { borderBottomWidth: 0.5, borderColor: "#d6d3d1", paddingVertical: 2 },
  rowLine: { flexDirection: "row" },
  group: { marginTop: 6, fontSize: 8, fontWeight: 700, textTransform: "uppercase", color: "#44403c" },
  benchmarkCell: { width: "40%", paddingRight: 4 },
  benchmarkTitle: { fontWeight: 700 },
  statusCell: { flexGrow: 1, flexBasis: 0, paddingHorizontal: 1 },
  statusText: { fontSize: 7, textAlign: "center", paddingVertical: 1, borderRadius: 2 },
  detail: { paddingLeft: 8, paddingRight: 4 },
  body: { fontSize: 8.5, lineHeight: 1.3 },
  small: { fontSize: 7, color: "#57534e", marginTop: 1, lineHeight: 1.3 },
  link: { color: "#1d4ed8", textDecoration: "underline" },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 7, color: "#78716c", textAlign: "right" },
});

/** In a cell: the benchmark does not apply at that round. */
const DOES_NOT_APPLY = "·";
/** In a cell: it applies, but has no published score at that round. */
export const NOT_SCORED = "–";

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Only web addresses become links; a withheld one ("[link withheld]") stays plain text. */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

function IndexChart({ series }: { series: PdfRoundFigures[] }) {
  const width = 520;
  const height = 150;
  const left = 28;
  const bottom = 24;
  const top = 10;
  const plotWidth = width - left - 10;
  const plotHeight = height - bottom - top;
  // Points stay clear of the frame so the first and last round labels are not cut off.
  const inset = 24;
  const x = (i: number) => left + inset + (i * (plotWidth - 2 * inset)) / Math.max(series.length - 1, 1);
  const y = (v: number) => top + plotHeight - (v / 100) * plotHeight;
  const points = series.map((s, i) => (s.index === null ? null : { x: x(i), y: y(s.index), label: formatIndex(s.index) }));
  const path = points
    .filter((p): p is NonNullable<typeof p> => p !== null)
    .map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(" ");
  return (
    <Svg width={width} height={height}>
      {[0, 25, 50, 75, 100].map((tick) => (
        <G key={tick}>
          <Line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} strokeWidth={0.5} stroke="#d6d3d1" />
          <Text x={left - 4} y={y(tick) + 2} style={{ fontSize: 6 }} textAnchor="end">
            {String(tick)}
          </Text>
        </G>
      ))}
      {path && <Path d={path} stroke="#1d4ed8" strokeWidth={1.5} fill="none" />}
      {points.map((p, i) =>
        p ? (
          <G key={i}>
            <Circle cx={p.x} cy={p.y} r={2} fill="#1d4ed8" />
            <Text x={p.x} y={p.y - 5} style={{ fontSize: 6.5 }} textAnchor="middle">
              {p.label}
            </Text>
          </G>
        ) : null,
      )}
      {series.map((s, i) => (
        <Text key={s.round.id} x={x(i)} y={height - 8} style={{ fontSize: 6 }} textAnchor="middle">
          {s.label}
        </Text>
      ))}
      <Rect x={left} y={top} width={plotWidth} height={plotHeight} stroke="#a8a29e" strokeWidth={0.5} fill="none" />
    </Svg>
  );
}

export function StatusKey({ status, words }: { status: Status; words: ExportWords }) {
  return <Text style={[styles.statusText, { backgroundColor: STATUS_BADGE[status].background, color: STATUS_BADGE[status].text }]}>{words.status(status)}</Text>;
}

function Changes({ changes, words }: { changes: PdfChanges | null; words: ExportWords }) {
  const { t } = words;
  if (!changes) return <Text style={styles.small}>{t("noEarlier")}</Text>;
  const { counts, items, fromRound, toRound } = changes;
  if (counts.up + counts.down === 0) return <Text style={styles.small}>{t("noChange", { from: fromRound.name, to: toRound.name })}</Text>;
  const listed = items.length;
  const between = { up: counts.up, down: counts.down, from: fromRound.name, to: toRound.name };
  return (
    <View>
      <Text style={[styles.small, { marginBottom: 3 }]}>{listed < counts.up + counts.down ? t("changeCountsListed", { ...between, listed }) : t("changeCounts", between)}</Text>
      {items.map((c) => (
        <View key={c.benchmarkId} style={styles.change} wrap={false}>
          <Text style={[styles.changeArrow, { color: c.direction === "up" ? "#14532d" : "#7f1d1d" }]}>{c.direction === "up" ? t("up") : t("down")}</Text>
          <View style={styles.changeBody}>
            <Text>
              {c.title}
              {c.sinceRoundName ? <Text style={styles.small}>{t("sinceRound", { round: c.sinceRoundName })}</Text> : null}
            </Text>
            {c.rationale && <Text style={styles.small}>{c.rationale}</Text>}
          </View>
          <Text style={styles.changeStatuses}>{describeChange(c.from, c.to, words)}</Text>
        </View>
      ))}
    </View>
  );
}

function Legend({ minCoverage, words }: { minCoverage: number; words: ExportWords }) {
  const { t } = words;
  return (
    <View style={styles.legend} wrap={false}>
      <View style={styles.legendColumn}>
        {STATUSES.map((status) => (
          <View key={status} style={styles.legendLine}>
            <View style={styles.legendKey}>
              <StatusKey status={status} words={words} />
            </View>
            <Text style={{ flexGrow: 1, flexBasis: 0 }}>{t(`meaning.${status}`)}</Text>
          </View>
        ))}
      </View>
      <View style={styles.legendColumn}>
        {(
          [
            [NOT_SCORED, t("legend.notScored")],
            [DOES_NOT_APPLY, t("legend.notApplicable")],
            [t("legend.preliminaryKey"), t("legend.preliminary", { threshold: formatPercent(minCoverage) })],
            ["▲ / ▼", t("legend.moved")],
            [t("legend.publicRecordKey"), t("legend.publicRecord")],
          ] as const
        ).map(([key, meaning]) => (
          <View key={key} style={styles.legendLine}>
            <Text style={[styles.legendKey, { fontWeight: 700 }]}>{key}</Text>
            <Text style={{ flexGrow: 1, flexBasis: 0 }}>{meaning}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Each benchmark's block in plain runs of text: a bold label in every line costs about a tenth more rendering time. */
function BenchmarkDetails({ detail, latestLabel, words }: { detail: PdfBenchmarkDetail | undefined; latestLabel: string; words: ExportWords }) {
  if (!detail) return null;
  const { t } = words;
  const note = detail.publicRecord ? (detail.evidence.length > 0 ? t("publicRecord") : t("publicRecordUnverified")) : "";
  return (
    <View style={styles.detail}>
      {detail.rationale && (
        <Text style={styles.small}>
          {truncate(detail.rationale, 200)}
          {note}
        </Text>
      )}
      {detail.evidence.length > 0 && (
        <Text style={styles.small}>
          {t("evidence", { round: latestLabel })}
          {detail.evidence.map((e, i) => (
            <Text key={i}>
              {i > 0 ? t("listSeparator") : ""}
              {isWebAddress(e.url) ? (
                <Link src={e.url} style={styles.link}>
                  {truncate(e.title, 110)}
                </Link>
              ) : (
                truncate(e.title, 110)
              )}
              {e.publishedOn ? t("evidenceDate", { date: words.date(e.publishedOn, "day") }) : ""}
            </Text>
          ))}
        </Text>
      )}
      {detail.people.length > 0 && (
        <Text style={styles.small}>
          {t("people", { list: words.list(detail.people.map(words.person)) })}
        </Text>
      )}
      {detail.sources.length > 0 && (
        <Text style={styles.small}>
          {t("sources", { list: words.list(detail.sources.map((s) => t("dated", { title: truncate(s.title, 110), date: words.date(s.date, s.datePrecision) }))) })}
        </Text>
      )}
    </View>
  );
}

function TableHeader({ data, words }: { data: ScorecardPdfData; words: ExportWords }) {
  return (
    <View style={styles.tableHeader}>
      <Text style={[styles.benchmarkCell, { fontWeight: 700 }]}>{words.t("benchmark")}</Text>
      {data.tableRounds.map((r) => (
        <Text key={r.id} style={[styles.statusCell, { fontSize: 7, textAlign: "center" }]}>
          {r.label}
        </Text>
      ))}
    </View>
  );
}

/** One estimated page of the table (scorecard-layout.ts): its header, then whole rows and category headings. */
function TablePageRows({ data, items, words }: { data: ScorecardPdfData; items: TableItem[]; words: ExportWords }) {
  const latestLabel = data.series.at(-1)?.label ?? "";
  return (
    <View>
      {/* Repeated should react-pdf still split the page (an estimate too short). */}
      <View fixed>
        <TableHeader data={data} words={words} />
      </View>
      {items.map((item) => {
        const group = data.groups[item.group]!;
        if (item.kind === "group") {
          return (
            <Text key={`g${item.group}`} style={styles.group}>
              {group.categoryName}
            </Text>
          );
        }
        const { benchmark, cells } = group.rows[item.row]!;
        return (
          <View key={benchmark.id} style={styles.row} wrap={false}>
            <View style={styles.rowLine}>
              <View style={styles.benchmarkCell}>
                <Text style={styles.benchmarkTitle}>{benchmark.title}</Text>
              </View>
              {cells.map((cell) => (
                <View key={cell.roundId} style={styles.statusCell}>
                  {cell.status === "n/a" ? (
                    <Text style={[styles.statusText, { color: "#a8a29e" }]}>{DOES_NOT_APPLY}</Text>
                  ) : cell.status === null ? (
                    <Text style={styles.statusText}>{NOT_SCORED}</Text>
                  ) : (
                    <StatusKey status={cell.status} words={words} />
                  )}
                </View>
              ))}
            </View>
            <BenchmarkDetails detail={data.details.get(benchmark.id)} latestLabel={latestLabel} words={words} />
          </View>
        );
      })}
    </View>
  );
}

/**
 * The full scorecard. `numbering`: how many pages its front matter takes and how many it has in all,
 * when known before it is drawn (server/exports/scorecard-pdf.tsx); the footers are then plain text,
 * but for a front matter of several pages. Without it react-pdf numbers them as it paginates.
 * `frontOnly`: the front matter alone and no footer, to count its pages.
 */
export function ScorecardDocument({
  data,
  size,
  words,
  numbering,
  frontOnly,
}: {
  data: ScorecardPdfData;
  size: "A4" | "LETTER";
  words: ExportWords;
  numbering?: { frontPages: number; pages: number };
  frontOnly?: boolean;
}) {
  const { t } = words;
  const latest = data.series.at(-1);
  const previous = data.previous;
  const since = previous ? (latest?.preliminary ? t("sincePreliminary", { round: previous.round.name }) : t("since", { round: previous.round.name })) : "";
  const rounds = data.series.map((s) => s.round);
  const tracks = [...new Set(rounds.map((r) => r.trackName))];
  const title = rounds.length === 1 ? rounds[0]!.name : rounds.length ? `${rounds[0]!.name} – ${rounds.at(-1)!.name}` : t("noRound");
  const figures: Array<[string, string, string | null]> = latest
    ? [
        [t("index"), formatIndex(latest.index), previous ? formatSignedDelta(latest.index !== null && previous.index !== null ? latest.index - previous.index : null) : null],
        [words.status("met"), String(latest.tally.met), null],
        [words.status("partial"), String(latest.tally.partial), null],
        [words.status("not_met"), String(latest.tally.not_met), null],
        [words.status("regressed"), String(latest.tally.regressed), null],
        [t("coverage"), formatPercent(latest.coverage), null],
      ]
    : [];

  const pages = frontOnly ? [] : paginateScorecardTable(data, size, words);
  const footerText = (page: number, of: number) =>
    t("footer", { release: footerRelease(data.release, words), version: footerVersion(data.dataVersion, words), demo: data.hasDemo ? t("footerDemo") : "", page, pages: of });
  // Plain text where the page's number is known before drawing: a render function makes react-pdf lay out every page twice more.
  const footer = (page: number | null) =>
    frontOnly ? null : numbering && page !== null ? (
      <Text style={styles.footer} fixed>
        {footerText(page, numbering.pages)}
      </Text>
    ) : (
      <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => footerText(pageNumber, totalPages)} />
    );

  return (
    <Document title={t("docTitle", { title })} author={t("name")} subject={t("subject")} language={words.lang === "zh" ? "zh-Hans" : "en"}>
      <Page size={size} style={styles.page}>
        {footer(numbering?.frontPages === 1 ? 1 : null)}
        <Text style={styles.title}>{t("name")}</Text>
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
        {data.hasDemo && (
          <View style={styles.demo}>
            <Text>{t("demoNotice", { note: t("demoNote") })}</Text>
          </View>
        )}

        {latest && (
          <>
            <Text style={styles.h2}>
              {t("headline", { round: latest.round.name })}
              {latest.preliminary ? t("headlinePreliminary") : ""}
            </Text>
            {latest.preliminary && (
              <View style={styles.demo}>
                <Text>
                  {t("preliminaryNotice", { judged: latest.judged, applicable: latest.applicable, coverage: formatPercent(latest.coverage), threshold: formatPercent(data.minCoverage) })}
                </Text>
              </View>
            )}
            <View style={styles.figures}>
              {figures.map(([label, value, change]) => (
                <View key={label} style={styles.figure}>
                  <Text style={styles.figureLabel}>{label}</Text>
                  <Text style={styles.figureValue}>{value}</Text>
                  {change && <Text style={styles.figureChange}>{`${change} ${since}`}</Text>}
                </View>
              ))}
            </View>

            {/* One round is a point, not a trend: the chart is drawn for two rounds or more. */}
            {data.series.length >= 2 && (
              <View wrap={false}>
                <Text style={styles.h2}>{t("chartHeading")}</Text>
                <IndexChart series={data.series} />
                <Text style={styles.small}>{t("denominators", { list: data.series.map((s) => `${s.label} ${s.judged}/${s.applicable}`).join(" · ") })}</Text>
              </View>
            )}

            <Text style={styles.h2} minPresenceAhead={KEEP_WITH_HEADING}>
              {data.changes ? t("changesHeadingSince", { round: data.changes.fromRound.name }) : t("changesHeading")}
            </Text>
            <Changes changes={data.changes} words={words} />
          </>
        )}

        <View wrap={false} minPresenceAhead={KEEP_WITH_HEADING}>
          <Text style={styles.h2}>{t("methodHeading")}</Text>
          <Text style={styles.body}>{t("method", { statuses: STATUSES.map(words.status).join(words.lang === "zh" ? "、" : ", "), denominator: t("denominatorNote") })}</Text>
          <Text style={styles.small}>{t("methodMore")}</Text>
        </View>
      </Page>
      {pages.map((p, i) => (
        <Page key={i} size={size} style={styles.page}>
          {footer(numbering ? numbering.frontPages + i + 1 : null)}
          {/* The heading and the legend head the table's first page. */}
          {i === 0 && (
          <View wrap={false}>
            <Text style={styles.h2}>{t("tableHeading")}</Text>
            {data.series.length > data.tableRounds.length && <Text style={styles.small}>{t("tableLastRounds", { count: data.tableRounds.length })}</Text>}
            <Legend minCoverage={data.minCoverage} words={words} />
          </View>
          )}
          <TablePageRows data={data} items={p.items} words={words} />
        </Page>
      ))}
    </Document>
  );
}
