import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import { contentLang } from "@/lib/localized";
import { formatReleaseDate, releasePath } from "@/lib/releases";

/** Said at the top of a page opened ?release=N: it shows a release, not the current figures. */
export function PinnedReleaseNotice({ release, currentHref }: { release: { number: number; publishedAt: string }; currentHref: string }) {
  const t = useTranslations("releases");
  const date = formatReleaseDate(release.publishedAt, contentLang(useLocale()));
  return (
    <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="note" data-testid="pinned-release">
      {t.rich("pinned", {
        number: release.number,
        date,
        release: (chunks) => <Link href={releasePath(release.number)}>{chunks}</Link>,
        current: (chunks) => <Link href={currentHref}>{chunks}</Link>,
      })}
    </p>
  );
}
