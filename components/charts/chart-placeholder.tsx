import { useTranslations } from "next-intl";

/** Stands in for a chart while its drawing code downloads, at the chart's own size so nothing below it jumps. */
export function ChartPlaceholder() {
  const t = useTranslations("charts");
  return (
    <div className="flex h-full flex-col items-center justify-center gap-1 rounded border border-dashed border-stone-300 text-sm text-stone-600" data-chart-placeholder="">
      <p>{t("loading")}</p>
      <noscript>
        <p>{t("needsJs")}</p>
      </noscript>
    </div>
  );
}
