// One release and its changelog, a page at a time; an unknown or malformed number answers 404.
import { getDb } from "@/db/client";
import { getRelease, listReleaseChanges } from "@/db/queries/releases";
import { pageQuerySchema } from "@/lib/api/schemas";
import { parseReleaseParam } from "@/lib/releases";
import { releaseBody } from "@/server/api/handlers";
import { jsonResponse, parseQuery } from "@/server/api/respond";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "No release has this number." }, { status: 404, headers: { "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } });

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const number = parseReleaseParam((await params).number);
  if (!number) return notFound();
  const parsed = parseQuery(request, pageQuerySchema);
  if (!parsed.ok) return parsed.response;
  const db = getDb();
  const release = await getRelease(db, number);
  if (!release) return notFound();
  const { page, pageSize } = parsed.value;
  const { rows, total } = await listReleaseChanges(db, number, { limit: pageSize, offset: (page - 1) * pageSize });
  return jsonResponse(request, {
    data: releaseBody(release),
    changes: rows.map((c) => ({
      benchmark: c.benchmark.slug,
      benchmarkTitle: c.benchmark.title,
      round: c.round.slug,
      newRound: c.newRound,
      before: c.before,
      after: c.after,
      rationale: c.rationale,
      rationaleChanged: c.rationaleChanged,
      evidenceChanged: c.evidenceChanged,
    })),
    page,
    pageSize,
    total,
  });
}
