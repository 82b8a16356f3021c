// Short labels for rounds on a chart axis: "US–China 2013", "HRC 2018"; the month is added only
// where two rounds of one track fall in the same year, so labels stay unique.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface LabelledRound {
  trackShortName: string;
  startDate: string;
}

export function roundChartLabels(rounds: readonly LabelledRound[]): string[] {
  const base = rounds.map((r) => `${r.trackShortName} ${r.startDate.slice(0, 4)}`);
  const seen = new Map<string, number>();
  for (const label of base) seen.set(label, (seen.get(label) ?? 0) + 1);
  return rounds.map((r, i) => {
    const label = base[i]!;
    if (seen.get(label) === 1) return label;
    const month = MONTHS[Number(r.startDate.slice(5, 7)) - 1] ?? "";
    return `${r.trackShortName} ${month} ${r.startDate.slice(0, 4)}`;
  });
}

/** Chart labels with the rounds whose figures are preliminary said to be so, in the same order as the labels. */
export function markPreliminary(labels: readonly string[], series: ReadonlyArray<{ preliminary: boolean }>): string[] {
  return labels.map((label, i) => (series[i]?.preliminary ? `${label} (preliminary)` : label));
}
