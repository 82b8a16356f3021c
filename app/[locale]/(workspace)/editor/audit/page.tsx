import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/navigation";
import { AuditEntryItem, AUDIT_ENTITIES } from "@/components/audit/audit-entry";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { PageDescription } from "@/components/ui/page-description";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { listAuditEntities, listAuditEntries, listAuditUsers } from "@/db/queries/audit";
import { requirePageUser } from "@/server/auth/session";
import { canViewAudit } from "@/lib/permissions";
import { pageInfo, pageQuery } from "@/lib/pagination";
import { localizeValidationMessage } from "@/server/i18n/validation";
import type { Locale } from "@/lib/i18n/locales";
import { getLocale } from "next-intl/server";
import { auditFiltersToParams, parseAuditFilters } from "@/lib/validation/audit-filters";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}
export const dynamic = "force-dynamic";

const PAGE_SIZES = { default: 200, max: 500 };
const field = "rounded border border-stone-400 px-2 py-1.5";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("/editor/audit");
  if (!canViewAudit(user)) return <EditorOnly user={user} signOut={signOut} />;
  const params = await searchParams;
  const { filters, problems } = parseAuditFilters(params);
  const paging = parsePageParams(params, PAGE_SIZES);
  const db = getDb();
  const { entries, total } = await listAuditEntries(db, {
    userId: filters.user,
    entity: filters.entity,
    entityId: filters.entityId,
    from: filters.from,
    to: filters.to,
    offset: (paging.page - 1) * paging.pageSize,
    limit: paging.pageSize,
  });
  const info = pageInfo(paging.page, paging.pageSize, total);
  const [people, entities, t, locale] = await Promise.all([listAuditUsers(db), listAuditEntities(db), getTranslations("auditLog"), getLocale()]);
  const entityLabel = (entity: string) => ((AUDIT_ENTITIES as readonly string[]).includes(entity) ? t(`entity.${entity as (typeof AUDIT_ENTITIES)[number]}`) : entity);
  const kept = auditFiltersToParams(filters);
  const hrefFor = (page: number) => `/editor/audit${pageQuery(page, info.pageSize, PAGE_SIZES.default, kept)}`;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">{t("editor")}</Link> / {t("title")}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-stone-700">{t("intro")}</p>

      <form method="get" action="/editor/audit" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="audit-filters">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-user">{t("person")}</label>
          <select id="audit-user" name="user" defaultValue={filters.user ?? ""} className={field}>
            <option value="">{t("everyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${p.email})`}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-entity">{t("kind")}</label>
          <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ""} className={field}>
            <option value="">{t("all")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </div>
        {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from">{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to">{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900">
          {t("filter")}
        </button>
        <Link href="/editor/audit">{t("clear")}</Link>
      </form>
      {filters.entityId && (
        <p className="mt-2 text-sm" data-testid="audit-record-filter">
          {t("oneRecord", { entity: entityLabel(filters.entity!), id: filters.entityId })}{" "}
          <Link href={`/editor/audit${pageQuery(1, info.pageSize, PAGE_SIZES.default, { ...kept, entityId: "" })}`}>{t("everyRecord")}</Link>
        </p>
      )}
      {[...problems, ...paging.problems].length > 0 && (
        <div role="status" className="mt-3 rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          <ul className="list-disc pl-5">
            {[...problems, ...paging.problems].map((m) => (
              <li key={m}>{localizeValidationMessage(m, locale as Locale)}</li>
            ))}
          </ul>
        </div>
      )}

      <p className="mt-4 text-sm" data-testid="audit-count">
        <PageDescription info={info} noun={total === 1 ? t("change") : t("changes")} />
      </p>
      <ol className="mt-2 space-y-2" data-testid="audit">
        {entries.map((e) => (
          <AuditEntryItem key={e.id} entry={e} />
        ))}
      </ol>
      <Pagination info={info} hrefFor={hrefFor} label={t("pages")} />
    </>
  );
}
