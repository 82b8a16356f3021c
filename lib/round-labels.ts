// Short labels for rounds on a chart axis: "US–China 2013", "HRC 2018"; the month is added only
// where two rounds of one track fall in the same year, so labels stay unique. In Chinese the
// track's Chinese short name where one was written, and the month as Chinese writes it: "人权理事会 2018年2月".
import type { FormatLocale } from "./format";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface LabelledRound {
  trackShortName: string;
  trackShortNameZh?: string | null;
  startDate: string;
}

export function roundChartLabels(rounds: readonly LabelledRound[], locale: FormatLocale = "en"): string[] {
  const track = (r: LabelledRound) => (locale === "zh" && r.trackShortNameZh?.trim() ? r.trackShortNameZh : r.trackShortName);
  const year = (r: LabelledRound) => r.startDate.slice(0, 4);
  const base = rounds.map((r) => `${track(r)} ${year(r)}`);
  const seen = new Map<string, number>();
  for (const label of base) seen.set(label, (seen.get(label) ?? 0) + 1);
  return rounds.map((r, i) => {
    const label = base[i]!;
    if (seen.get(label) === 1) return label;
    const month = Number(r.startDate.slice(5, 7));
    return locale === "zh" ? `${track(r)} ${year(r)}年${month}月` : `${track(r)} ${MONTHS[month - 1] ?? ""} ${year(r)}`;
  });
}

/** Chart labels with the rounds whose figures are preliminary said to be so, in the same order as the labels. */
export function markPreliminary(labels: readonly string[], series: ReadonlyArray<{ preliminary: boolean }>, locale: FormatLocale = "en"): string[] {
  return labels.map((label, i) => (series[i]?.preliminary ? (locale === "zh" ? `${label}（初步）` : `${label} (preliminary)`) : label));
}
