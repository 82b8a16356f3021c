// A real release's data package, from the seeded database: it validates, and it holds exactly the
// release's published scores.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { rawGet } from "@/db/testing/raw-sql";
import { checkDataPackage } from "@/lib/testing/datapackage-check";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/data-package-test-${process.pid}-${Date.now()}.db`;
});

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
});

describe("the data package of a release", () => {
  it("validates, and holds every public score and round of the release", async () => {
    const { answerDataPackage } = await import("./data-package");
    const response = await answerDataPackage(1);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const { problems, descriptor, tables } = checkDataPackage(new Uint8Array(await response.arrayBuffer()));
    expect(problems).toEqual([]);
    expect(descriptor).toMatchObject({ profile: "tabular-data-package", version: "1", name: "dialogue-scorecard-release-1" });
    expect(String(descriptor.citation)).toMatch(/^Dialogue Scorecard, data release 1 \(.+\)\. http.+\/releases\/1$/);
    const { getDb } = await import("@/db/client");
    const count = async (query: string) => ((await rawGet(getDb(), query)) as { n: number }).n;
    expect(tables.scores!.length - 1).toBe(await count("SELECT count(*) AS n FROM published_scores ps JOIN public_benchmarks pb ON pb.benchmark_id = ps.benchmark_id"));
    expect(tables.rounds!.length - 1).toBe(await count("SELECT count(*) AS n FROM rounds WHERE published_at IS NOT NULL"));
    expect(tables.scores![0]).toEqual(["round", "round_name", "benchmark", "benchmark_title", "status", "basis", "rationale", "public_record", "demo", "evidence"]);
  });

  it("answers 404 for a release that does not exist", async () => {
    const { answerDataPackage } = await import("./data-package");
    expect((await answerDataPackage(2)).status).toBe(404);
    expect((await answerDataPackage(null)).status).toBe(404);
  });
});
