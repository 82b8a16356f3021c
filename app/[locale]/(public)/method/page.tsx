import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ExternalLink } from "@/components/ui/external-link";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getPublicationSettings } from "@/db/queries/publication-settings";
import { listCategoryDescriptions } from "@/db/queries/reference";
import { listSourceDocuments } from "@/db/queries/sources";
import { STATUSES } from "@/lib/domain";
import { formatDate, type FormatLocale } from "@/lib/format";
import { localeAlternates } from "@/server/i18n/alternates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("method");
  return { title: t("title"), alternates: localeAlternates("/method") };
}
export const dynamic = "force-dynamic";

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export default async function MethodPage() {
  const [t, locale] = await Promise.all([getTranslations("method"), getLocale()]);
  const sources = await listSourceDocuments(getDb());
  const settings = await getPublicationSettings(getDb());
  const categories = await listCategoryDescriptions(getDb());
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading" className="text-lg font-semibold">{t("scaleHeading")}</h2>
        <table className="mt-2 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1 pr-3">{t("status")}</th>
              <th scope="col" className="py-1 pr-3">{t("meaning")}</th>
              <th scope="col" className="py-1">{t("weight")}</th>
            </tr>
          </thead>
          <tbody>
            {STATUSES.map((s) => (
              <tr key={s} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-2 pr-3 text-left"><StatusBadge status={s} /></th>
                <td className="py-2 pr-3">{t(`scale.${s}.meaning`)}</td>
                <td className="py-2">{t(`scale.${s}.weight`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="figures-heading" className="space-y-2">
        <h2 id="figures-heading" className="text-lg font-semibold">{t("figuresHeading")}</h2>
        <p>{t.rich("index", { strong })}</p>
        <p>{t.rich("coverage", { strong })}</p>
        <p>{t.rich("applies", { strong })}</p>
        <p>{t.rich("scope", { strong })}</p>
        <p>{t("denominators")}</p>
      </section>

      <section aria-labelledby="published-heading" className="space-y-2">
        <h2 id="published-heading" className="text-lg font-semibold">{t("publishedHeading")}</h2>
        <p>{t("published")}</p>
        <p data-testid="method-releases">{t.rich("releases", { link: (chunks) => <Link href="/releases">{chunks}</Link> })}</p>
        <p data-testid="method-preliminary">{t.rich("preliminary", { strong, percent: settings.minCoveragePercent })}</p>
        <p>{t("confidential")}</p>
      </section>

      <section aria-labelledby="categories-heading" className="space-y-2">
        <h2 id="categories-heading" className="text-lg font-semibold">{t("categoriesHeading")}</h2>
        <p>{t("categoriesIntro")}</p>
        <dl className="text-sm" data-testid="method-categories">
          {categories.map((c) => (
            <div key={c.slug} className="mt-2">
              <dt className="font-medium">
                <Link href={`/?category=${c.slug}`}>
                  <LocalizedText locale={locale} en={c.name} zh={c.nameZh} />
                </Link>
              </dt>
              {c.description && <LocalizedText as="dd" locale={locale} en={c.description} zh={c.descriptionZh} className="text-stone-700" />}
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-lg font-semibold">{t("sourcesHeading")}</h2>
        <p>{t("sources")}</p>
        <ul className="list-disc pl-5 text-sm" data-testid="source-documents">
          {sources.map((s) => (
            <li key={s.slug}>
              {s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : <cite>{s.title}</cite>} — {s.publisher}, {formatDate(s.publishedOn, s.datePrecision, locale as FormatLocale)}
            </li>
          ))}
        </ul>
        <p>{t.rich("demo", { strong })}</p>
      </section>
    </article>
  );
}
