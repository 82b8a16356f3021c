// The "still to translate" list: public records without a Chinese title or name, nothing hidden.
import { rawGet, rawRun } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { plantConfidentialDataIn } from "../testing/confidential-plant";
import { transaction } from "../transaction";
import { listUntranslatedRecords } from "./translations";

let db: Db;

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const slugs = async () => {
  const lists = await listUntranslatedRecords(db);
  return Object.fromEntries(Object.entries(lists).map(([entity, rows]) => [entity, rows.map((r) => r.slug)]));
};

describe("listUntranslatedRecords", () => {
  it("lists nothing the seed translated: every track, round, category and benchmark has a Chinese title", async () => {
    const lists = await slugs();
    expect(lists).toMatchObject({ track: [], round: [], category: [], benchmark: [] });
    // Statements have no Chinese titles in the seed; people without a Chinese name are listed too.
    expect(lists.statement!.length).toBe(((await rawGet(db, "SELECT COUNT(*) AS n FROM statements WHERE review_state = 'approved' AND withheld = 0")) as { n: number }).n);
  });

  it("lists a public record whose Chinese title is missing or blank, and drops it once written", async () => {
    (await rawRun(db, "UPDATE benchmarks SET title_zh = NULL WHERE slug = 'release-liu-xia'"));
    (await rawRun(db, "UPDATE categories SET name_zh = '   ' WHERE slug = 'legal-reform'"));
    const lists = await listUntranslatedRecords(db);
    expect(lists.benchmark).toEqual([{ entity: "benchmark", slug: "release-liu-xia", name: "End Liu Xia's house arrest" }]);
    expect(lists.category.map((c) => c.slug)).toEqual(["legal-reform"]);
    (await rawRun(db, "UPDATE benchmarks SET title_zh = '解除对刘霞的软禁' WHERE slug = 'release-liu-xia'"));
    expect((await listUntranslatedRecords(db)).benchmark).toEqual([]);
  });

  it("never lists a confidential, draft, merged or unpublished record, even without a Chinese title", async () => {
    const plant = await transaction(db, (tx) => plantConfidentialDataIn(tx, "tr", { unpublishedRound: true, benchmarkAboutHiddenPerson: true }));
    (await rawRun(db, "UPDATE benchmarks SET title_zh = NULL"));
    (await rawRun(db, "UPDATE rounds SET name_zh = NULL"));
    (await rawRun(db, "UPDATE subjects SET name_zh = NULL"));
    const listed = Object.values(await listUntranslatedRecords(db)).flatMap((rows) => rows.map((r) => r.slug));
    const hidden = [
      plant.confidentialBenchmarkSlug,
      plant.benchmarkAboutHiddenPersonSlug!,
      plant.benchmarkFromUnpublishedRoundSlug!,
      plant.unpublishedRoundSlug!,
      plant.hiddenPersonSlug,
      plant.hiddenLawSlug,
      plant.drafts.statementSlug,
      plant.drafts.rejectedStatementSlug,
      plant.drafts.benchmarkSlug,
      plant.drafts.benchmarkOnPublicStatementSlug,
    ];
    for (const slug of hidden) expect(listed).not.toContain(slug);
    expect(listed).toContain("release-liu-xia");
  });
});
