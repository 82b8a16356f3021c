import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { countPublicDemands, listPublishers, listStatementsPage } from "@/db/queries/statements";
import { STATEMENT_KIND_LABELS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { describePage, pageInfo, pageQuery } from "@/lib/pagination";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";

export const metadata: Metadata = { title: "Statements" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { page, pageSize, problems } = parsePageParams(await searchParams, { default: PAGE_SIZE, max: PAGE_SIZE });
  const db = getDb();
  const { rows: statements, total } = await listStatementsPage(db, { limit: pageSize, offset: (page - 1) * pageSize });
  const info = pageInfo(page, pageSize, total);
  const ids = statements.map((s) => s.id);
  const [publishers, demandsPerStatement] = await Promise.all([listPublishers(db, ids), countPublicDemands(db, ids)]);
  const hrefFor = (p: number) => `/statements${pageQuery(p, pageSize, PAGE_SIZE)}`;

  return (
    <>
      <h1 className="text-2xl font-semibold">Statements</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        The documents that made the demands: civil-society statements, joint letters and government letters, each
        restated in our words and linked to the benchmarks drawn from it.
      </p>
      {problems.length > 0 && <p className="mt-3 text-sm">{problems.join(" ")}</p>}
      <p className="mt-3 text-sm" role="status">
        {total === 0 ? "No statement has been recorded yet." : describePage(info, "statements")}
      </p>
      {info.outOfRange && (
        <p className="mt-2">
          <Link href={hrefFor(info.pageCount)}>Go to the last page</Link>.
        </p>
      )}
      {statements.length > 0 && (
        <ol className="mt-4 space-y-3" data-testid="statement-list">
          {statements.map((s) => (
            <li key={s.id} className="rounded border border-stone-200 bg-white p-4">
              <h2 className="font-semibold">
                <Link href={`/statements/${s.slug}`}>{s.title}</Link>
              </h2>
              <p className="text-sm text-stone-600">
                {STATEMENT_KIND_LABELS[s.kind]} · {formatDate(s.date, s.datePrecision)}
                {publishers.get(s.id) && ` · ${publishers.get(s.id)!.length > 3 ? `${publishers.get(s.id)!.length} organisations` : publishers.get(s.id)!.join(", ")}`}
                {s.roundName && ` · addresses ${s.roundName}`}
              </p>
              <p className="mt-1 text-sm">{demandsPerStatement.get(s.id) ?? 0} benchmarks drawn from it.</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination info={info} hrefFor={hrefFor} label="Pages of statements" />
    </>
  );
}
