import { useTranslations } from "next-intl";

export function DemoNotice() {
  const t = useTranslations("common");
  return (
    <aside
      aria-label={t("demoAria")}
      className="mb-6 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <strong className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide">{t("demoLabel")}</strong>
      {t("demoNotice")}
    </aside>
  );
}
