/** The small inline marker for a demo score. */
import { useTranslations } from "next-intl";

export function DemoLabel() {
  const t = useTranslations("common");
  return (
    <span className="rounded bg-amber-200 px-1 py-0.5 text-[0.65rem] font-bold uppercase tracking-wide text-amber-950" title={t("demoTitle")}>
      {t("demoLabel")}
    </span>
  );
}
