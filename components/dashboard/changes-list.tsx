import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { Pagination } from "@/components/ui/pagination";
import type { StatusChange } from "@/lib/dashboard";
import type { Status } from "@/lib/domain";
import { STATUS_BADGE } from "@/lib/status-style";
import { formatCount, pageInfo } from "@/lib/pagination";

export function ChangesList({
  changes,
  counts,
  fromName,
  toName,
  previousRoundId,
  roundNames,
  page,
  pageSize,
  hrefFor,
}: {
  changes: StatusChange[];
  /** Every change counted; `changes` lists one page of each direction. */
  counts: { up: number; down: number };
  /** The page listed (1 is the first), and how many of each direction a page lists. */
  page: number;
  pageSize: number;
  /** The address of another page of the list. */
  hrefFor: (page: number) => string;
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
  // Both directions are paged together: page n lists the n-th `pageSize` of each.
  const info = pageInfo(page, pageSize, Math.max(counts.up, counts.down));
  return (
    <>
      <p className="mb-2 text-sm" data-testid="change-counts">
        {t("counts", { up: counts.up, down: counts.down, from: fromName, to: toName })}
        {info.outOfRange ? t("pastEnd", { page: formatCount(page), pageCount: formatCount(info.pageCount) }) : info.pageCount > 1 && t("listed", { perPage: pageSize, page: formatCount(page), pageCount: formatCount(info.pageCount) })}
      </p>
      {changes.length > 0 && <ChangeRows changes={changes} previousRoundId={previousRoundId} nameOf={new Map(roundNames.map((r) => [r.id, r.name]))} />}
      <Pagination info={info} hrefFor={hrefFor} label={t("pages")} prefetch={false} />
    </>
  );
}

// The badges' look in one stylesheet, not repeated in every entry (as StatusBadge's inline style is).
const CHANGE_CSS = [
  "[data-testid=changes]>li{display:flex;flex-wrap:wrap;align-items:center;gap:0.5rem;padding:0.5rem 0.75rem;font-size:0.875rem}",
  "[data-testid=changes] [data-status]{display:inline-flex;align-items:center;gap:0.25rem;white-space:nowrap;border:1px solid;border-radius:0.25rem;padding:0.125rem 0.375rem;font-size:0.75rem;font-weight:500}",
  ...Object.entries(STATUS_BADGE).map(([status, s]) => `[data-testid=changes] [data-status="${status}"]{background:${s.background};color:${s.text};border-color:${s.border}}`),
].join("\n");

function Badge({ status }: { status: Status }) {
  const t = useTranslations("status");
  return (
    <span data-status={status}>
      <span aria-hidden="true">{STATUS_BADGE[status].symbol}</span>
      {t(status)}
    </span>
  );
}

function ChangeRows({ changes, previousRoundId, nameOf }: { changes: StatusChange[]; previousRoundId: number; nameOf: Map<number, string> }) {
  const t = useTranslations("changes");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="changes">
      <style>{CHANGE_CSS}</style>
      {changes.map((c) => (
        <li key={c.benchmark.id}>
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
          <Badge status={c.from} />
          <span aria-label={tCommon("to")}>→</span>
          <Badge status={c.to} />
        </li>
      ))}
    </ul>
  );
}
