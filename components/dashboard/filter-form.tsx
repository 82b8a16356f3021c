import { useLocale, useTranslations } from "next-intl";
import { localizedProps } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import type { FilterOptions, StatementOption } from "@/db/queries/filter-options";
import type { Addressee } from "@/lib/domain";
import { subjectOptionLabel } from "@/lib/filter-suggestions";
import { formatDate, type FormatLocale } from "@/lib/format";
import { localizedPath, type Locale } from "@/lib/i18n/locales";
import { hasFilters, type DashboardFilters } from "@/lib/validation/dashboard-filters";
import { SearchField } from "./search-field";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: keyof DashboardFilters;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string; lang?: string }>;
}) {
  const t = useTranslations("filters");
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-stone-700">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const statementLabel = (s: StatementOption, locale: FormatLocale) => `${s.title} (${formatDate(s.date, "year", locale)})`;

/** A plain GET form: the filters live in the URL, so a copied link reproduces the view, with or without JavaScript. */
export function FilterForm({ filters, options }: { filters: DashboardFilters; options: FilterOptions }) {
  const t = useTranslations("filters");
  const tAddressee = useTranslations("addressee");
  const locale = useLocale() as Locale;
  // An option in English on a Chinese page says so (lang="en"), as LocalizedText does.
  const option = (slug: string, en: string, zh: string | null | undefined) => {
    const { children, lang } = localizedProps(locale, en, zh);
    return { value: slug, label: children, lang };
  };
  const roundOptions = options.rounds.map((r) => option(r.slug, r.name, r.nameZh));
  return (
    <form method="get" action={localizedPath(locale, "/")} aria-label={t("label")} className="rounded border border-stone-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Select name="track" label={t("track")} value={filters.track} options={options.tracks.map((t) => option(t.slug, t.name, t.nameZh))} />
        <Select name="from" label={t("from")} value={filters.from} options={roundOptions} />
        <Select name="to" label={t("to")} value={filters.to} options={roundOptions} />
        <Select name="category" label={t("category")} value={filters.category} options={options.categories.map((c) => option(c.slug, c.name, c.nameZh))} />
        <Select
          name="addressee"
          label={t("addressee")}
          value={filters.addressee}
          options={options.addressees.map((a) => ({ value: a, label: tAddressee(a as Addressee) }))}
        />
        {options.statements.kind === "all" ? (
          <Select
            name="statement"
            label={t("statement")}
            value={filters.statement}
            options={options.statements.items.map((s) => ({ value: s.slug, label: statementLabel(s, locale) }))}
          />
        ) : (
          <SearchField
            name="statement"
            label={t("statement")}
            defaultValue={filters.statement}
            selectedLabel={options.statements.selected && statementLabel(options.statements.selected, locale)}
            hint={
              <>{t.rich("statementHint", { statements: (chunks) => <Link href="/statements">{chunks}</Link> })}</>
            }
          />
        )}
        {options.subjects.kind === "all" ? (
          <Select
            name="subject"
            label={t("subject")}
            value={filters.subject}
            options={options.subjects.items.map((s) => ({ value: s.slug, label: subjectOptionLabel(s.name, s.kind) }))}
          />
        ) : (
          <SearchField
            name="subject"
            label={t("subject")}
            defaultValue={filters.subject}
            selectedLabel={options.subjects.selected && subjectOptionLabel(options.subjects.selected.name, options.subjects.selected.kind)}
            suggestFrom={["/api/v1/people", "/api/v1/laws"]}
            hint={
              <>
                {t.rich("subjectHint", {
                  people: (chunks) => <Link href="/people">{chunks}</Link>,
                  laws: (chunks) => <Link href="/laws">{chunks}</Link>,
                })}
              </>
            }
          />
        )}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-900">
            {t("apply")}
          </button>
          {hasFilters(filters) && <Link href="/">{t("clear")}</Link>}
        </div>
      </div>
    </form>
  );
}
