import { useTranslations } from "next-intl";
import type { DeadlineState } from "@/lib/review";

const STYLE: Record<DeadlineState, string> = {
  none: "border-stone-300 text-stone-700",
  open: "border-stone-300 text-stone-800",
  "due-soon": "border-amber-400 bg-amber-50 text-amber-950",
  overdue: "border-red-400 bg-red-50 text-red-900",
};

export function DeadlineBadge({ state, deadline }: { state: DeadlineState; deadline: string | null }) {
  const t = useTranslations("review.deadline");
  return (
    <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[state]}`} data-deadline={state}>
      {t(state)}
      {deadline && t("closes", { date: deadline })}
    </span>
  );
}
