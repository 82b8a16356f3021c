"use client";

import { useTranslations } from "next-intl";

/** The backup codes, shown once: as a list, as a text file to download, and printable. */
export function BackupCodes({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations("twoFactor.codes");
  const text = [t("fileTitle", { email }), t("fileNote"), "", ...codes, ""].join("\n");
  return (
    <section aria-labelledby="backup-codes-heading" className="mt-4 max-w-md rounded border border-amber-300 bg-amber-50 p-4" data-testid="backup-codes">
      <h2 id="backup-codes-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("intro")}</p>
      <ul className="mt-3 grid grid-cols-2 gap-1 font-mono text-base" aria-label={t("list")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-3 flex gap-3 print:hidden">
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="dialogue-scorecard-backup-codes.txt" className="rounded border border-stone-400 px-3 py-1.5 text-sm">
          {t("download")}
        </a>
        <button type="button" onClick={() => window.print()} className="rounded border border-stone-400 px-3 py-1.5 text-sm">
          {t("print")}
        </button>
      </div>
    </section>
  );
}
