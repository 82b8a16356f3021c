import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { AuditEntryItem, entityLabel } from "@/components/audit/audit-entry";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { listAuditEntities, listAuditEntries, listAuditUsers } from "@/db/queries/audit";
import { requirePageUser } from "@/server/auth/session";
import { canViewAudit } from "@/lib/permissions";
import { describePage, pageInfo, pageQuery } from "@/lib/pagination";
import { auditFiltersToParams, parseAuditFilters } from "@/lib/validation/audit-filters";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Audit log" };
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
  const [people, entities] = await Promise.all([listAuditUsers(db), listAuditEntities(db)]);
  const kept = auditFiltersToParams(filters);
  const hrefFor = (page: number) => `/editor/audit${pageQuery(page, info.pageSize, PAGE_SIZES.default, kept)}`;

  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/editor">Editor</Link> / Audit log
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Audit log</h1>
      <p className="mt-2 text-sm text-stone-700">Every change, newest first: who, what, when, and the record before and after.</p>

      <form method="get" action="/editor/audit" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="audit-filters">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-user">Person</label>
          <select id="audit-user" name="user" defaultValue={filters.user ?? ""} className={field}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${p.email})`}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-entity">Kind of record</label>
          <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ""} className={field}>
            <option value="">All</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </div>
        {filters.entityId && <input type="hidden" name="entityId" value={filters.entityId} />}
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900">
          Filter
        </button>
        <Link href="/editor/audit">Clear the filters</Link>
      </form>
      {filters.entityId && (
        <p className="mt-2 text-sm" data-testid="audit-record-filter">
          Only changes to one record ({entityLabel(filters.entity!)} {filters.entityId}).{" "}
          <Link href={`/editor/audit${pageQuery(1, info.pageSize, PAGE_SIZES.default, { ...kept, entityId: "" })}`}>Show every record of this kind</Link>
        </p>
      )}
      {[...problems, ...paging.problems].length > 0 && (
        <div role="status" className="mt-3 rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          <ul className="list-disc pl-5">
            {[...problems, ...paging.problems].map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      <p className="mt-4 text-sm" data-testid="audit-count">
        {describePage(info, total === 1 ? "change" : "changes")}
      </p>
      <ol className="mt-2 space-y-2" data-testid="audit">
        {entries.map((e) => (
          <AuditEntryItem key={e.id} entry={e} />
        ))}
      </ol>
      <Pagination info={info} hrefFor={hrefFor} label="Pages of the audit log" />
    </>
  );
}
