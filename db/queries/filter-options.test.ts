// The dashboard's filter lists at scale: long lists must not travel whole to the page.
import { rawAll, rawGet, rawRun } from "@/db/testing/raw-sql";
import { describe, expect, it } from "vitest";
import { ADDRESSEES, type Addressee } from "@/lib/domain";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { generateScaleData } from "../seed/scale";
import { prepareDatabase, removeDatabaseFiles } from "../prepare";
import { getFilterNames, LONG_LIST_THRESHOLD, listFilterOptions } from "./filter-options";

describe("listFilterOptions", async () => {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  // 5,000 benchmarks make 250 statements and 1,025 people and laws: both past the default threshold.
  await generateScaleData(db, { benchmarks: 5_000, rounds: 3, reviewers: 2, seed: 11 });
  const count = async (sql: string) => ((await rawGet(db, sql)) as { n: number }).n;
  const publicSubjects = await count("SELECT COUNT(*) AS n FROM subjects WHERE confidential = 0");
  const statementCount = await count("SELECT COUNT(*) AS n FROM statements");
  const confidentialSlug = ((await rawGet(db, "SELECT slug FROM subjects WHERE confidential = 1 LIMIT 1")) as { slug: string }).slug;

  it("returns no statements or people when the lists are long and nothing is selected", async () => {
    expect(statementCount).toBeGreaterThan(LONG_LIST_THRESHOLD);
    expect(publicSubjects).toBeGreaterThan(LONG_LIST_THRESHOLD);
    const options = (await listFilterOptions(db, {}, {}));
    expect(options.statements).toEqual({ kind: "search", selected: null });
    expect(options.subjects).toEqual({ kind: "search", selected: null });
    expect(options.rounds).toHaveLength(3);
    expect(options.tracks.length).toBeGreaterThan(0);
  });

  it("lists each addressee that a public benchmark has, in the domain's order", async () => {
    const small = openDatabase(":memory:");
    await migrateDatabase(small);
    await generateScaleData(small, { benchmarks: 400, rounds: 2, reviewers: 2, seed: 5 });
    const present = async () => (await rawAll<{ addressee: Addressee }>(small, "SELECT DISTINCT addressee FROM benchmarks WHERE confidential = 0")).map((r) => r.addressee);
    const hidden = (await present())[0]!;
    await rawRun(small, "UPDATE benchmarks SET confidential = 1 WHERE addressee = ?", hidden);
    const stillPresent = await present();
    const expected = ADDRESSEES.filter((a) => stillPresent.includes(a));
    expect(expected.length).toBeGreaterThan(1);
    expect((await listFilterOptions(small, {}, {})).addressees).toEqual(expected);
    expect((await listFilterOptions(small, {}, {})).addressees).not.toContain(hidden);
  });

  it("returns the selected statement and person of a long list, so the form can name them", async () => {
    const options = (await listFilterOptions(db, { statement: "statement-250", subject: "person-7" }, {}));
    expect(options.statements).toEqual({ kind: "search", selected: { slug: "statement-250", title: "Joint statement 250", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(options.subjects).toMatchObject({ kind: "search", selected: { slug: "person-7", kind: "person" } });
  });

  it("never names a confidential person, nor a slug that names nothing", async () => {
    expect((await listFilterOptions(db, { subject: confidentialSlug }, {})).subjects).toEqual({ kind: "search", selected: null });
    expect((await listFilterOptions(db, { subject: "nobody", statement: "no-statement" }, {}))).toMatchObject({
      subjects: { kind: "search", selected: null },
      statements: { kind: "search", selected: null },
    });
  });

  it("lists short lists whole, public subjects only, up to and including the threshold", async () => {
    const atThreshold = (await listFilterOptions(db, {}, { longListThreshold: publicSubjects }));
    expect(atThreshold.subjects.kind).toBe("all");
    const items = atThreshold.subjects.kind === "all" ? atThreshold.subjects.items : [];
    expect(items).toHaveLength(publicSubjects);
    expect(items.map((s) => s.slug)).not.toContain(confidentialSlug);
    expect(atThreshold.statements).toMatchObject({ kind: "all", items: expect.arrayContaining([expect.objectContaining({ slug: "statement-1" })]) });
    expect((await listFilterOptions(db, {}, { longListThreshold: publicSubjects - 1 })).subjects.kind).toBe("search");
  });
});

describe("getFilterNames", () => {
  it("names what the filters select, in public only: no confidential person, no unpublished round", async () => {
    const file = `${process.env.TMPDIR ?? "/tmp"}/filter-names-${process.pid}-${Date.now()}.db`;
    await prepareDatabase(file);
    const db = openDatabase(file);
    const filters = { track: "un-hrc", from: "hrc-31", to: "hrc-37", category: "legal-reform", statement: "hrw-2013-kunming-release", subject: "liu-xia" };
    expect(await getFilterNames(db, filters)).toMatchObject({
      trackZh: "联合国人权理事会",
      track: "UN Human Rights Council",
      from: "Human Rights Council, 31st session",
      to: "Human Rights Council, 37th session",
      category: "Legal reform",
      statement: { title: "Human Rights Watch: seek concrete public commitments at the Kunming dialogue", date: "2013-07-01", datePrecision: "month" },
      subject: { name: "Liu Xia", nameZh: "刘霞" },
    });
    (await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'liu-xia'"));
    (await rawRun(db, "UPDATE rounds SET published_at = NULL WHERE slug = 'hrc-37'"));
    const names = await getFilterNames(db, filters);
    expect(names.subject).toBeUndefined();
    expect(names.to).toBeUndefined();
    expect(JSON.stringify(names)).not.toContain("刘霞");
    db.$client.close();
    removeDatabaseFiles(file);
  });
});
