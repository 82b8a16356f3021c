"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("site");
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-blue-800 px-4 py-1.5 text-sm font-medium text-white print:hidden">
      {t("print")}
    </button>
  );
}
