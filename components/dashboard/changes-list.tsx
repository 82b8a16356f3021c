import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StatusChange } from "@/lib/dashboard";

export function ChangesList({
  changes,
  counts,
  fromName,
  toName,
  previousRoundId,
  roundNames,
}: {
  changes: StatusChange[];
  /** Every change counted; `changes` may list only the first of each direction. */
  counts: { up: number; down: number };
  fromName: string;
  toName: string;
  previousRoundId: number;
  /** The rounds in view, to name the round a benchmark of limited scope is compared with. */
  roundNames: Array<{ id: number; name: string }>;
}) {
  const t = useTranslations("changes");
  if (counts.up + counts.down === 0) {
    return <p className="text-sm text-stone-700">{t("none", { from: fromName, to: toName })}</p>;
  }
  const listed = { up: changes.filter((c) => c.direction === "up").length, down: changes.filter((c) => c.direction === "down").length };
  return (
    <>
      <p className="mb-2 text-sm" data-testid="change-counts">
        {t("counts", { up: counts.up, down: counts.down, from: fromName, to: toName })}
        {(listed.up < counts.up || listed.down < counts.down) && t("listed", { up: listed.up, down: listed.down })}
      </p>
      <ChangeRows changes={changes} previousRoundId={previousRoundId} nameOf={new Map(roundNames.map((r) => [r.id, r.name]))} />
    </>
  );
}

function ChangeRows({ changes, previousRoundId, nameOf }: { changes: StatusChange[]; previousRoundId: number; nameOf: Map<number, string> }) {
  const t = useTranslations("changes");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="changes">
      {changes.map((c) => (
        <li key={c.benchmark.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className={c.direction === "up" ? "font-semibold text-green-800" : "font-semibold text-red-800"}>
            {c.direction === "up" ? t("up") : t("down")}
          </span>
          <Link href={`/benchmarks/${c.benchmark.slug}`} className="grow">
            <LocalizedText locale={locale} en={c.benchmark.title} zh={c.benchmark.titleZh} />
          </Link>
          {c.fromRoundId !== previousRoundId && (
            // Assessed at some tracks only: compared with its own previous round in scope.
            <span className="text-xs text-stone-600" data-testid="compared-with">
              {t("since", { round: nameOf.get(c.fromRoundId) ?? t("itsPrevious") })}
            </span>
          )}
          <StatusBadge status={c.from} />
          <span aria-label={tCommon("to")}>→</span>
          <StatusBadge status={c.to} />
        </li>
      ))}
    </ul>
  );
}
