// The briefing PDF: title block, headline figures, the index chart drawn as vectors, a table of
// benchmarks by round, short rationales, sources and the method in brief.
import { Document, G, Line, Page, Path, Rect, StyleSheet, Svg, Text, View, Circle } from "@react-pdf/renderer";
import { STATUS_LABELS, type Status } from "@/lib/domain";
import { formatIndex, formatPercent, formatSignedDelta } from "@/lib/format";
import { STATUS_BADGE } from "@/lib/status-style";
import { DEMO_NOTE, DENOMINATOR_NOTE, describeFilters } from "../describe";
import { PDF_FONT } from "./fonts";
import type { ScorecardPdfData } from "./scorecard-types";

const styles = StyleSheet.create({
  // No lineHeight on the page: inherited by the page-number footer, it hides it.
  page: { fontFamily: PDF_FONT, fontSize: 8.5, paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36, color: "#1c1917" },
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.2, marginBottom: 4 },
  subtitle: { fontSize: 11, lineHeight: 1.3, color: "#44403c" },
  meta: { fontSize: 8, color: "#57534e", marginTop: 2 },
  demo: { marginTop: 8, padding: 6, backgroundColor: "#fef3c7", borderColor: "#fcd34d", borderWidth: 1, fontSize: 8 },
  h2: { fontSize: 11, fontWeight: 700, marginTop: 14, marginBottom: 4 },
  figures: { flexDirection: "row", gap: 6 },
  figure: { flexGrow: 1, borderWidth: 1, borderColor: "#d6d3d1", padding: 5 },
  figureLabel: { fontSize: 7, color: "#57534e" },
  figureValue: { fontSize: 14, fontWeight: 700, lineHeight: 1.2 },
  figureChange: { fontSize: 7, color: "#57534e" },
  tableHeader: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#78716c", paddingBottom: 2, fontWeight: 700 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#d6d3d1", paddingVertical: 2 },
  group: { marginTop: 6, fontSize: 8, fontWeight: 700, textTransform: "uppercase", color: "#44403c" },
  benchmarkCell: { width: "40%", paddingRight: 4 },
  statusCell: { flexGrow: 1, flexBasis: 0, paddingHorizontal: 1 },
  statusText: { fontSize: 7, textAlign: "center", paddingVertical: 1, borderRadius: 2 },
  small: { fontSize: 7, color: "#57534e", marginTop: 1, lineHeight: 1.3 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 7, color: "#78716c", textAlign: "right" },
});

const SHORT: Record<Status, string> = { met: "Met", partial: "Partial", not_met: "Not met", regressed: "Regressed", unknown: "Unknown" };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function IndexChart({ series }: { series: ScorecardPdfData["series"] }) {
  const width = 520;
  const height = 150;
  const left = 28;
  const bottom = 24;
  const top = 10;
  const plotWidth = width - left - 10;
  const plotHeight = height - bottom - top;
  // Points stay clear of the frame so the first and last round labels are not cut off.
  const inset = 24;
  const x = (i: number) => left + (series.length === 1 ? plotWidth / 2 : inset + (i * (plotWidth - 2 * inset)) / (series.length - 1));
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

export function ScorecardDocument({ data, size }: { data: ScorecardPdfData; size: "A4" | "LETTER" }) {
  const latest = data.series.at(-1);
  const previous = data.previous;
  const since = previous ? `since ${previous.round.name}${latest?.preliminary ? " (preliminary)" : ""}` : "";
  const rounds = data.series.map((s) => s.round);
  const tracks = [...new Set(rounds.map((r) => r.trackName))];
  const title = rounds.length === 1 ? rounds[0]!.name : rounds.length ? `${rounds[0]!.name} – ${rounds.at(-1)!.name}` : "No published round in view";
  const figures: Array<[string, string, string | null]> = latest
    ? [
        ["Fulfilment index", formatIndex(latest.index), previous ? formatSignedDelta(latest.index !== null && previous.index !== null ? latest.index - previous.index : null) : null],
        ["Met", String(latest.tally.met), null],
        ["Partial", String(latest.tally.partial), null],
        ["Not met", String(latest.tally.not_met), null],
        ["Regressed", String(latest.tally.regressed), null],
        ["Coverage", formatPercent(latest.coverage), null],
      ]
    : [];

  return (
    <Document title={`Dialogue Scorecard: ${title}`} author="Dialogue Scorecard" subject="Scorecard of human-rights dialogue benchmarks" language="en">
      <Page size={size} style={styles.page}>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            `Dialogue Scorecard · data version ${data.dataVersion?.slice(0, 10) ?? "—"}${data.hasDemo ? " · DEMO DATA" : ""} · Page ${pageNumber} of ${totalPages}`
          }
        />
        <Text style={styles.title}>Dialogue Scorecard</Text>
        <Text style={styles.subtitle}>{title}</Text>
        <Text style={styles.meta}>Track: {tracks.join(", ") || "—"}</Text>
        <Text style={styles.meta}>Data version: published {data.dataVersion ? `${data.dataVersion.slice(0, 16).replace("T", " ")} UTC` : "—"}</Text>
        <Text style={styles.meta}>Filters: {describeFilters(data.filters)}</Text>
        {data.hasDemo && (
          <View style={styles.demo}>
            <Text>DEMO DATA — {DEMO_NOTE}</Text>
          </View>
        )}

        {latest && (
          <>
            <Text style={styles.h2}>
              Headline: {latest.round.name}
              {latest.preliminary ? " — PRELIMINARY" : ""}
            </Text>
            {latest.preliminary && (
              <View style={styles.demo}>
                <Text>
                  PRELIMINARY — only {latest.judged} of {latest.applicable} applicable benchmarks ({formatPercent(latest.coverage)}) are judged for this round so far,
                  fewer than the {formatPercent(data.minCoverage)} the editors require before its figures stand for the round. They will change as scoring continues.
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
            <Text style={styles.small}>
              Index over {latest.judged} judged of {latest.applicable} applicable benchmarks; unknown left out.
            </Text>

            <Text style={styles.h2}>Fulfilment index per round</Text>
            <IndexChart series={data.series} />
            <Text style={styles.small}>
              Denominators: {data.series.map((s) => `${s.label} ${s.judged}/${s.applicable}`).join(" · ")} (judged/applicable).
            </Text>
          </>
        )}

        <Text style={styles.h2}>Benchmarks by round</Text>
        {data.series.length > data.tableRounds.length && (
          <Text style={styles.small}>The table shows the last {data.tableRounds.length} rounds in view; the chart shows all of them.</Text>
        )}
        <View style={styles.tableHeader} fixed>
          <Text style={styles.benchmarkCell}>Benchmark</Text>
          {data.tableRounds.map((r) => (
            <Text key={r.id} style={[styles.statusCell, { fontSize: 7, textAlign: "center" }]}>
              {r.label}
            </Text>
          ))}
        </View>
        {data.groups.map((group) => (
          <View key={group.categorySlug}>
            <Text style={styles.group}>{group.categoryName}</Text>
            {group.rows.map(({ benchmark, cells }) => (
              <View key={benchmark.id} style={styles.row} wrap={false}>
                <View style={styles.benchmarkCell}>
                  <Text>{benchmark.title}</Text>
                  {data.rationaleOf.get(benchmark.id) && <Text style={styles.small}>{truncate(data.rationaleOf.get(benchmark.id)!, 170)}</Text>}
                  {data.peopleOf.get(benchmark.id) && <Text style={styles.small}>People and laws: {data.peopleOf.get(benchmark.id)!.join("; ")}</Text>}
                  <Text style={styles.small}>Raised by: {(data.sourcesOf.get(benchmark.id) ?? []).join("; ")}</Text>
                </View>
                {cells.map((cell) => (
                  <View key={cell.roundId} style={styles.statusCell}>
                    {cell.status === "n/a" ? (
                      <Text style={[styles.statusText, { color: "#a8a29e" }]}>·</Text>
                    ) : cell.status === null ? (
                      <Text style={styles.statusText}>–</Text>
                    ) : (
                      <Text style={[styles.statusText, { backgroundColor: STATUS_BADGE[cell.status].background, color: STATUS_BADGE[cell.status].text }]}>
                        {SHORT[cell.status]}
                      </Text>
                    )}
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}

        <Text style={styles.h2}>Method in brief</Text>
        <Text>
          Each benchmark is one concrete demand made in a civil-society or government statement. After each round two reviewers score it
          independently ({Object.values(STATUS_LABELS).join(", ")}); agreed scores are published, disagreements are decided by an editor.
          {" "}
          {DENOMINATOR_NOTE} A benchmark applies from the round it was first demanded for until it is retired, at the rounds of the tracks in its scope (a demand about the dialogue itself, at the dialogue&apos;s rounds only). Confidential people and
          benchmarks are never included.
        </Text>
        <Text style={styles.small}>Full method, sources and evidence: the Method page and each benchmark&apos;s page on the Dialogue Scorecard site.</Text>

      </Page>
    </Document>
  );
}
