import { useTranslations } from "next-intl";

/**
 * Beside a rationale that rests on public record: its evidence is the source; with none, the reader is
 * told the source is still to be verified before the rationale is cited.
 */
export function PublicRecordNote({ publicRecord, evidenceCount }: { publicRecord: boolean; evidenceCount: number }) {
  const t = useTranslations("scorecard");
  if (!publicRecord) return null;
  return (
    <p className="text-xs text-stone-700" data-testid="public-record">
      {evidenceCount > 0 ? t("publicRecord") : t("publicRecordUnverified")}
    </p>
  );
}
