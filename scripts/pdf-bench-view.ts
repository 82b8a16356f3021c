// The view the bench times both PDFs on, shared by scripts/bench.ts and scripts/profile-pdf.ts.
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { countViewBenchmarks } from "@/db/queries/dashboard-summary";
import type { DashboardFilters } from "@/lib/validation/dashboard-filters";

/**
 * One round narrowed to about 200 benchmarks (a PDF lists at most 250): a statement, or at scale a
 * statement's category and addressee, whichever comes closest to 200 of the benchmarks that apply at
 * the last round. The query string is the PDF routes' (?round=…).
 */
export async function pickPdfView(sqlite: Database.Database, db: Db, lastRoundSlug: string): Promise<{ query: string; benchmarks: number }> {
  const candidates = sqlite
    .prepare(
      `SELECT * FROM (SELECT s.slug AS statement, NULL AS category, NULL AS addressee, count(*) AS n FROM statements s JOIN benchmark_sources bs ON bs.statement_id = s.id GROUP BY s.id HAVING n BETWEEN 150 AND 400
       UNION ALL
       SELECT s.slug, c.slug, b.addressee, count(*) AS n FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id JOIN benchmarks b ON b.id = bs.benchmark_id
         JOIN categories c ON c.id = b.category_id GROUP BY s.id, c.id, b.addressee HAVING n BETWEEN 150 AND 400)
       ORDER BY abs(n - 230) LIMIT 12`,
    )
    .all() as Array<{ statement: string; category: string | null; addressee: DashboardFilters["addressee"] | null; n: number }>;
  let best: { query: string; benchmarks: number } | null = null;
  for (const c of candidates) {
    const filters: DashboardFilters = { from: lastRoundSlug, to: lastRoundSlug, statement: c.statement, ...(c.category ? { category: c.category } : {}), ...(c.addressee ? { addressee: c.addressee } : {}) };
    const n = await countViewBenchmarks(db, filters, { applicableOnly: true });
    if (n <= 250 && (!best || Math.abs(n - 200) < Math.abs(best.benchmarks - 200))) {
      best = { query: `round=${lastRoundSlug}&statement=${c.statement}${c.category ? `&category=${c.category}` : ""}${c.addressee ? `&addressee=${c.addressee}` : ""}`, benchmarks: n };
    }
  }
  if (best) return best;
  // A small database (the seed): the round as a whole.
  return { query: `round=${lastRoundSlug}`, benchmarks: await countViewBenchmarks(db, { from: lastRoundSlug, to: lastRoundSlug }, { applicableOnly: true }) };
}
