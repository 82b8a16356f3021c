// One public benchmark by its address, shaped as an item of /api/v1/benchmarks. A benchmark merged
// into another answers 308 with the kept one's address (and says so in the body), so a client that
// stored the old address follows it; anything not public answers 404, the same as one that never was.
import { getDb } from "@/db/client";
import { getPublicBenchmark, listBenchmarkSources, listBenchmarkSubjects } from "@/db/queries/benchmarks";
import { findMergedBenchmarkTarget } from "@/db/queries/record-statements";
import { langQuerySchema } from "@/lib/api/schemas";
import { benchmarkItem } from "@/server/api/handlers";
import { jsonResponse, parseQuery } from "@/server/api/respond";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const notFound = () => Response.json({ error: "No public benchmark has this address." }, { status: 404, headers: { "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } });

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (slug.length > 120 || !SLUG.test(slug)) return notFound();
  const asked = parseQuery(request, langQuerySchema);
  if (!asked.ok) return asked.response;
  const { lang } = asked.value;
  const db = getDb();
  const benchmark = await getPublicBenchmark(db, slug);
  if (!benchmark) {
    const kept = await findMergedBenchmarkTarget(db, slug);
    if (!kept) return notFound();
    const location = new URL(`/api/v1/benchmarks/${encodeURIComponent(kept)}`, request.url).pathname;
    return Response.json(
      { mergedInto: kept, location, message: "This benchmark was merged into another; its sources and scores are there." },
      { status: 308, headers: { Location: location, "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } },
    );
  }
  const [sources, subjects] = await Promise.all([listBenchmarkSources(db, [benchmark.id]), listBenchmarkSubjects(db, [benchmark.id])]);
  return jsonResponse(request, { data: benchmarkItem(lang, { ...benchmark, assessedAt: benchmark.scope.map((t) => t.slug) }, sources, subjects) });
}
