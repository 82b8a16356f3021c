import type { Metadata } from "next";
import Link from "next/link";
import { getDashboardData } from "@/db/queries/dashboard";
import { listPublishers, listStatements } from "@/db/queries/statements";
import { STATEMENT_KIND_LABELS } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { listBenchmarkSources } from "@/db/queries/benchmarks";

export const metadata: Metadata = { title: "Statements" };
export const dynamic = "force-dynamic";

export default function StatementsPage() {
  const statements = listStatements();
  const publishers = listPublishers(statements.map((s) => s.id));
  const publicBenchmarkIds = getDashboardData({}).benchmarks.map((b) => b.id);
  const demandsPerStatement = new Map<string, number>();
  for (const source of listBenchmarkSources(publicBenchmarkIds)) {
    demandsPerStatement.set(source.statementSlug, (demandsPerStatement.get(source.statementSlug) ?? 0) + 1);
  }

  return (
    <>
      <h1 className="text-2xl font-semibold">Statements</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        The documents that made the demands: civil-society statements, joint letters and government letters, each
        restated in our words and linked to the benchmarks drawn from it.
      </p>
      {statements.length === 0 ? (
        <p className="mt-4">No statement has been recorded yet.</p>
      ) : (
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
              <p className="mt-1 text-sm">{demandsPerStatement.get(s.slug) ?? 0} benchmarks drawn from it.</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
