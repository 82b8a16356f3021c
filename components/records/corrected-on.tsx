import { formatDate } from "@/lib/format";

/** "Corrected on 2 December 2026" under a public record's heading: the date only, never who or what. */
export function CorrectedOn({ at }: { at: string | null }) {
  if (!at) return null;
  const day = at.slice(0, 10);
  return (
    <p className="text-xs text-stone-600" data-testid="corrected-on">
      Corrected on <time dateTime={day}>{formatDate(day, "day")}</time>
    </p>
  );
}
