import "server-only";
// A release whole, as a Frictionless Data Package (lib/export/datapackage.ts) over the release's rows.
import { getDb } from "@/db/client";
import { getRelease, iterateScoresAsOf, listRoundsAsOf, type Release } from "@/db/queries/releases";
import { dataPackageZip, type PackageField, type PackageResource } from "@/lib/export/datapackage";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { publicRouteCacheHeaders } from "@/server/http-cache";
import { releaseCitation, releasePath } from "@/lib/releases";

const SCORE_FIELDS: PackageField[] = [
  { name: "round", type: "string", description: "The round's identifier, as in /rounds/<round>" },
  { name: "round_name", type: "string", description: "The round's name" },
  { name: "benchmark", type: "string", description: "The benchmark's identifier, as in /benchmarks/<benchmark>" },
  { name: "benchmark_title", type: "string", description: "The demand, in the project's words" },
  { name: "status", type: "string", description: "met, partial, not_met, regressed or unknown" },
  { name: "basis", type: "string", description: "agreement (two reviewers agreed) or editor (an editor's ruling)" },
  { name: "rationale", type: "string", description: "Why the status was given" },
  { name: "public_record", type: "boolean", description: "The rationale rests on public record" },
  { name: "demo", type: "boolean", description: "Demonstration data shipped with the app, not a real assessment" },
  { name: "evidence", type: "string", description: "The public evidence links: title <address>, separated by ' | '" },
];

const ROUND_FIELDS: PackageField[] = [
  { name: "round", type: "string", description: "The round's identifier" },
  { name: "name", type: "string", description: "The round's name" },
  { name: "track", type: "string", description: "The dialogue track's identifier" },
  { name: "start_date", type: "date", description: "The day the round began" },
  { name: "first_release", type: "integer", description: "The release that first published the round" },
];

export function dataPackageResponse(release: Release): Response {
  const db = getDb();
  const base = publicBaseUrl(readEnv());
  const address = `${base.replace(/\/$/, "")}${releasePath(release.number)}`;
  const resources: PackageResource[] = [
    {
      name: "scores",
      title: `Published scores as of release ${release.number}`,
      fields: SCORE_FIELDS,
      primaryKey: ["round", "benchmark"],
      rows: (async function* () {
        for await (const s of iterateScoresAsOf(db, release.number)) {
          yield {
            round: s.roundSlug,
            round_name: s.roundName,
            benchmark: s.benchmarkSlug,
            benchmark_title: s.benchmarkTitle,
            status: s.status,
            basis: s.basis,
            rationale: s.rationale,
            public_record: s.publicRecord,
            demo: s.demo,
            evidence: s.evidence.map((e) => `${e.title} <${e.url}>`).join(" | "),
          };
        }
      })(),
    },
    {
      name: "rounds",
      title: `Rounds public as of release ${release.number}`,
      fields: ROUND_FIELDS,
      primaryKey: ["round"],
      rows: (async function* () {
        for (const r of await listRoundsAsOf(db, release.number)) yield { round: r.slug, name: r.name, track: r.trackSlug, start_date: r.startDate, first_release: r.firstRelease };
      })(),
    },
  ];
  const zip = dataPackageZip(
    {
      name: `dialogue-scorecard-release-${release.number}`,
      title: `Dialogue Scorecard, data release ${release.number}`,
      description: `${release.note || "The published scores."} Published data only: confidential people and benchmarks, and unpublished rounds, are left out.`,
      version: String(release.number),
      created: release.publishedAt,
      homepage: address,
      citation: releaseCitation(release, base),
    },
    resources,
  );
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await zip.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await zip.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="dialogue-scorecard-release-${release.number}.zip"`,
      ...publicRouteCacheHeaders(),
    },
  });
}

/** The package of release `number`, or a 404 when there is no such release. */
export async function answerDataPackage(number: number | null): Promise<Response> {
  const release = number === null ? null : await getRelease(getDb(), number);
  if (!release) return new Response("No such release.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return dataPackageResponse(release);
}
