import { useTranslations } from "next-intl";

/** The publication time a page's figures come from: the data version every view and export names. */
export function DataVersion({ publishedAt }: { publishedAt: string | null }) {
  const t = useTranslations("common");
  if (!publishedAt) return null;
  const text = `${publishedAt.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <p className="text-xs text-stone-600">
      {t.rich("dataVersion", { time: text, when: (chunks) => <time dateTime={publishedAt}>{chunks}</time> })}
    </p>
  );
}
