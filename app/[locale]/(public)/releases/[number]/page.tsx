import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ReleaseChanges } from "@/components/releases/release-changes";
import { ReleaseNote } from "@/components/releases/release-note";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { PageDescription } from "@/components/ui/page-description";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { getRelease, listReleaseChanges, type ReleaseRound } from "@/db/queries/releases";
import type { Locale } from "@/lib/i18n/locales";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { contentLang } from "@/lib/localized";
import { pageInfo, pageQuery } from "@/lib/pagination";
import { dataPackagePath, formatReleaseDate, parseReleaseParam, RELEASE_KIND_KEYS, releaseCitation, releasePath } from "@/lib/releases";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";
import { localeAlternates } from "@/server/i18n/alternates";
import { localizeValidationMessage } from "@/server/i18n/validation";

export const dynamic = "force-dynamic";
const PAGE_SIZE = 100;

type Props = { params: Promise<{ number: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const number = parseReleaseParam((await params).number);
  const t = await getTranslations("releases");
  if (!number) return { title: t("title") };
  return { title: t("release", { number }), alternates: localeAlternates(releasePath(number)) };
}

export default async function ReleasePage({ params, searchParams }: Props) {
  const number = parseReleaseParam((await params).number);
  if (!number) notFound();
  const db = getDb();
  const release = await getRelease(db, number);
  if (!release) notFound();
  const [t, locale] = await Promise.all([getTranslations("releases"), getLocale()]);
  const lang = contentLang(locale);
  const { page, pageSize, problems } = parsePageParams(await searchParams, { default: PAGE_SIZE, max: 500 });
  const { rows, total } = await listReleaseChanges(db, number, { limit: pageSize, offset: (page - 1) * pageSize });
  const info = pageInfo(page, pageSize, total);
  const hrefFor = (p: number) => `${releasePath(number)}${pageQuery(p, pageSize, PAGE_SIZE)}`;
  const newRounds = release.rounds.filter((r) => r.firstTime);
  const corrected = release.rounds.filter((r) => !r.firstTime);
  const roundNames = (rounds: ReleaseRound[]) =>
    rounds.map((r, i) => (
      <span key={r.slug}>
        {i > 0 && t("listSeparator")}
        <LocalizedText locale={locale} en={r.name} zh={r.nameZh} />
      </span>
    ));

  return (
    <>
      <p className="text-sm">
        <Link href="/releases">{t("allReleases")}</Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("release", { number: release.number })}</h1>
      <p className="mt-1 text-stone-700">{t("kindPublished", { kind: t(`kind.${RELEASE_KIND_KEYS[release.kind]}`), date: formatReleaseDate(release.publishedAt, lang) })}</p>
      {release.note && <ReleaseNote as="p" note={release.note} locale={locale} className="mt-2 max-w-3xl" />}
      <ul className="mt-2 text-sm">
        {newRounds.length > 0 && <li>{t.rich("newlyPublished", { rounds: () => roundNames(newRounds) })}</li>}
        {corrected.length > 0 && <li>{t.rich("corrected", { rounds: () => roundNames(corrected) })}</li>}
      </ul>
      <p className="mt-3 text-sm">
        {t.rich("asItStood", { number, dashboard: (chunks) => <Link href={`/?release=${number}`}>{chunks}</Link> })}
        {release.rounds.slice(0, 3).map((r) => (
          <span key={r.slug}>
            {" · "}
            <Link href={`/rounds/${r.slug}?release=${number}`}>
              <LocalizedText locale={locale} en={r.name} zh={r.nameZh} />
            </Link>
          </span>
        ))}
        {lang === "zh" ? "。" : ". "}
        <a href={dataPackagePath(number)}>{t("dataPackage")}</a>
        {lang === "zh" ? "。" : "."}
      </p>
      <section className="mt-4 rounded border border-stone-200 bg-white p-3 text-sm">
        <h2 className="font-semibold">{t("citation")}</h2>
        <p className="mt-1" data-testid="release-citation">
          {releaseCitation(release, publicBaseUrl(readEnv()), lang)}
        </p>
      </section>
      <h2 className="mt-6 text-lg font-semibold">{number > 1 ? t("changesFrom", { previous: number - 1 }) : t("changesFirst")}</h2>
      {problems.length > 0 && <p className="mt-2 text-sm">{problems.map((m) => localizeValidationMessage(m, locale as Locale)).join(" ")}</p>}
      <p className="mt-1 text-sm" role="status">
        {total === 0 ? t("noChanges") : <PageDescription info={info} noun={t("changesNoun")} />}
      </p>
      {rows.length > 0 && <ReleaseChanges changes={rows} />}
      <Pagination info={info} hrefFor={hrefFor} label={t("changesPages")} />
    </>
  );
}
