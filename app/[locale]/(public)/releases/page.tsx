import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ReleaseNote } from "@/components/releases/release-note";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { getDb } from "@/db/client";
import { listReleases } from "@/db/queries/releases";
import { contentLang } from "@/lib/localized";
import { formatCount } from "@/lib/pagination";
import { dataPackagePath, formatReleaseDate, RELEASE_KIND_KEYS, releasePath } from "@/lib/releases";
import { localeAlternates } from "@/server/i18n/alternates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("releases"))("title"), alternates: localeAlternates("/releases") };
}
export const dynamic = "force-dynamic";

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function ReleasesPage() {
  const [releases, t, locale] = await Promise.all([listReleases(getDb()), getTranslations("releases"), getLocale()]);
  const lang = contentLang(locale);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t.rich("intro", { code })}</p>
      {releases.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-sm" data-testid="release-list">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1 pr-2">{t("columnRelease")}</th>
              <th scope="col" className="py-1 pr-2">{t("columnPublished")}</th>
              <th scope="col" className="py-1 pr-2">{t("columnWhat")}</th>
              <th scope="col" className="py-1 pr-2 text-right">{t("columnChanged")}</th>
              <th scope="col" className="py-1">{t("columnNote")}</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.number} className="border-b border-stone-200 align-top">
                <td className="py-1 pr-2">
                  <Link href={releasePath(r.number)}>{t("release", { number: r.number })}</Link>
                </td>
                <td className="whitespace-nowrap py-1 pr-2">{formatReleaseDate(r.publishedAt, lang)}</td>
                <td className="py-1 pr-2">
                  {t(`kind.${RELEASE_KIND_KEYS[r.kind]}`)}
                  {r.rounds.length > 0 && r.rounds.length <= 3 && (
                    <span className="block text-xs text-stone-600">
                      {r.rounds.map((x, i) => (
                        <span key={x.slug}>
                          {i > 0 && t("listSeparator")}
                          <LocalizedText locale={locale} en={x.name} zh={x.nameZh} />
                        </span>
                      ))}
                    </span>
                  )}
                  {r.rounds.length > 3 && <span className="block text-xs text-stone-600">{t("roundCount", { count: r.rounds.length })}</span>}
                </td>
                <td className="py-1 pr-2 text-right">{formatCount(r.changed)}</td>
                <td className="py-1">
                  {r.note && <ReleaseNote note={r.note} locale={locale} />}{" "}
                  <a href={dataPackagePath(r.number)} className="whitespace-nowrap text-xs">
                    {t("dataPackageShort")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
