// Correcting statements and benchmarks, and merging two benchmarks, on the seed: what is stored, what
// the audit log says, what the public sees, and that the figures refreshed after each change equal a
// rebuild from scratch.
import { rawAll, rawGet, rawRun } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { editBenchmarkSchema, editStatementSchema, mergeBenchmarkSchema } from "@/lib/validation/records-statements";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getPublicBenchmark } from "../queries/benchmarks";
import { getCorrectedOn, getRecordVersion, listRecordHistory } from "../queries/record-history";
import { getStatement, listPublishers } from "../queries/statements";
import { rebuildPublishedAggregates, refreshPublishedAggregates } from "./published-aggregates";
import { EditConflictError } from "./record-edits";
import { readBenchmarkFields as readBenchmark, readStatementFields as readStatement } from "../queries/record-statements";
import { editBenchmark, editStatement, mergeBenchmarks, NOTHING_CHANGED, RecordEditError } from "./record-edits-statements";

let db: Db;
const EDITOR = "demo-editor";

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  await rebuildPublishedAggregates(db);
});

const idOf = async (table: string, slug: string) => ((await rawGet(db, `SELECT id FROM ${table} WHERE slug = ?`, slug)) as { id: number }).id;
const readStatementFields = async (d: Db, id: number) => (await readStatement(d, id))!;
const readBenchmarkFields = async (d: Db, id: number) => (await readBenchmark(d, id))!;
const version = async (entity: "statement" | "benchmark", id: number) => (await getRecordVersion(db, { entity, id })).version;

const AGGREGATES = { public_benchmarks: "benchmark_id", public_tallies: "round_id, category_id, addressee", public_changes: "round_id, previous_round_id, benchmark_id" };
const aggregates = async () => Promise.all(Object.entries(AGGREGATES).map(([table, order]) => rawAll(db, `SELECT * FROM ${table} ORDER BY ${order}`)));

/** The writer's incremental refresh (what a guarded action runs), checked against a rebuild from scratch. */
async function expectRefreshEqualsRebuild() {
  await refreshPublishedAggregates(db);
  const incremental = await aggregates();
  await rebuildPublishedAggregates(db);
  expect(await aggregates()).toEqual(incremental);
}

async function statementForm(slug: string, changes: Record<string, string>) {
  const id = await idOf("statements", slug);
  const current = await readStatementFields(db, id);
  return editStatementSchema.parse({
    slug,
    version: String(await version("statement", id)),
    title: current.title,
    titleZh: current.titleZh ?? "",
    kind: current.kind,
    date: current.date,
    datePrecision: current.datePrecision,
    language: current.language,
    sourceUrl: current.sourceUrl ?? "",
    roundSlug: current.round ?? "",
    publishers: current.publishers.join(", "),
    signatories: current.signatories.join("\n"),
    summary: current.summary,
    summaryZh: current.summaryZh ?? "",
    fullText: current.fullText ?? "",
    ...changes,
  });
}

async function benchmarkForm(slug: string, changes: Record<string, string | string[]> = {}) {
  const id = await idOf("benchmarks", slug);
  const { fields, sources } = await readBenchmarkFields(db, id);
  return editBenchmarkSchema.parse({
    slug,
    version: String(await version("benchmark", id)),
    title: fields.title,
    titleZh: fields.titleZh ?? "",
    categorySlug: fields.category,
    addressee: fields.addressee,
    appliesFromRoundSlug: fields.appliesFrom,
    scopeTrackSlugs: fields.scope,
    subjectSlugs: fields.subjects,
    demandStatement: sources.map((s) => s.statementSlug),
    demand: sources.map((s) => s.demand),
    demandZh: sources.map((s) => s.demandZh ?? ""),
    ...changes,
  });
}

describe("the Chinese fields of statements and benchmarks", () => {
  it("a statement's Chinese title and summary are stored and audited as a correction", async () => {
    const id = await idOf("statements", "rdn-2015-editorial");
    await editStatement(db, await statementForm("rdn-2015-editorial", { titleZh: "更正后的中文标题", summaryZh: "中文摘要" }), EDITOR);
    expect((await rawGet(db, "SELECT title_zh AS t, summary_zh AS s FROM statements WHERE id = ?", id))).toEqual({ t: "更正后的中文标题", s: "中文摘要" });
    const [entry] = await listRecordHistory(db, { entity: "statement", id });
    expect(entry!.action).toBe("statement.correct");
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(["summaryZh", "titleZh"]);
  });

  it("a benchmark's Chinese title and a source's Chinese demand are stored; blank clears one; left out keeps them", async () => {
    const id = await idOf("benchmarks", "release-liu-xia");
    const form = await benchmarkForm("release-liu-xia");
    const zh = form.demands.map((d, i) => (i === 0 ? "立即释放她（测试）" : ""));
    await editBenchmark(db, await benchmarkForm("release-liu-xia", { titleZh: "释放刘霞（测试）", demandZh: zh }), EDITOR);
    expect((await rawGet(db, "SELECT title_zh AS t FROM benchmarks WHERE id = ?", id))).toEqual({ t: "释放刘霞（测试）" });
    const first = form.demands[0]!.statementSlug;
    const stored = async () => (await rawGet(db, "SELECT demand_zh AS d FROM benchmark_sources WHERE benchmark_id = ? AND statement_id = (SELECT id FROM statements WHERE slug = ?)", id, first));
    expect(await stored()).toEqual({ d: "立即释放她（测试）" });
    const [entry] = await listRecordHistory(db, { entity: "benchmark", id });
    expect(entry!.changes.find((c) => c.field === "demandsZh")).toMatchObject({ after: [`${first}: 立即释放她（测试）`] });
    expect(entry!.changes.find((c) => c.field === "titleZh")).toMatchObject({ after: "释放刘霞（测试）" });

    const withoutZh = await benchmarkForm("release-liu-xia");
    await editBenchmark(db, { ...withoutZh, demands: withoutZh.demands.map((d) => ({ ...d, demandZh: undefined })) }, EDITOR);
    expect(await stored()).toEqual({ d: "立即释放她（测试）" });

    await editBenchmark(db, await benchmarkForm("release-liu-xia", { demandZh: form.demands.map(() => "") }), EDITOR);
    expect(await stored()).toEqual({ d: null });
  });
});

describe("editing a statement", () => {
  it("corrects a public statement's title and publishers: stored, public at once, one audit entry with the changed fields", async () => {
    const id = await idOf("statements", "rdn-2015-editorial");
    const before = await readStatementFields(db, id);
    const input = await statementForm("rdn-2015-editorial", { title: "A corrected title", publishers: [...before.publishers, "Brand New Group"].join(", ") });
    const result = await editStatement(db, input, EDITOR);
    expect(result.message).toMatch(/Saved your changes/);
    expect((await getStatement(db, "rdn-2015-editorial"))?.title).toBe("A corrected title");
    expect((await listPublishers(db, [id])).get(id)).toContain("Brand New Group");
    const [entry] = await listRecordHistory(db, { entity: "statement", id });
    expect(entry!.action).toBe("statement.correct");
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(["publishers", "title"]);
    expect(entry!.changes.find((c) => c.field === "title")).toMatchObject({ before: before.title, after: "A corrected title" });
    expect(await getCorrectedOn(db, { entity: "statement", id })).toMatch(/^\d{4}-/);
  });

  it("stores signatories line by line with their roles, and a changed full text without writing it into the log", async () => {
    const id = await idOf("statements", "lawyers-2015-statement");
    await editStatement(db, await statementForm("lawyers-2015-statement", { signatories: "Li Heping | lawyer\nAnother Person", fullText: "The whole letter." }), EDITOR);
    expect((await rawAll(db, "SELECT name, role, position FROM statement_signatories WHERE statement_id = ? ORDER BY position", id))).toEqual([
      { name: "Li Heping", role: "lawyer", position: 1 },
      { name: "Another Person", role: null, position: 2 },
    ]);
    const [entry] = await listRecordHistory(db, { entity: "statement", id });
    expect(JSON.stringify(entry)).not.toContain("The whole letter.");
    expect(entry!.changes.find((c) => c.field === "fullText")?.after).toMatch(/^17 characters · [0-9a-f]{8}$/);
  });

  it("writes nothing when nothing changed, and refuses a form opened before another edit", async () => {
    const id = await idOf("statements", "rdn-2015-editorial");
    const unchanged = await statementForm("rdn-2015-editorial", {});
    const auditRows = async () => ((await rawGet(db, "SELECT COUNT(*) AS n FROM audit_log")) as { n: number }).n;
    const n = await auditRows();
    expect((await editStatement(db, unchanged, EDITOR)).message).toBe(NOTHING_CHANGED);
    expect(await auditRows()).toBe(n);
    const stale = await statementForm("rdn-2015-editorial", { title: "Second tab's title" });
    await editStatement(db, await statementForm("rdn-2015-editorial", { title: "First tab's title" }), EDITOR);
    await expect(editStatement(db, stale, EDITOR)).rejects.toBeInstanceOf(EditConflictError);
    expect((await readStatementFields(db, id)).title).toBe("First tab's title");
  });

  it("an edit of a withheld statement is an update, never a correction its page would date", async () => {
    const id = await idOf("statements", "rdn-2015-editorial");
    (await rawRun(db, "UPDATE statements SET withheld = 1 WHERE id = ?", id));
    await editStatement(db, await statementForm("rdn-2015-editorial", { title: "Changed while withheld" }), EDITOR);
    expect((await listRecordHistory(db, { entity: "statement", id }))[0]!.action).toBe("statement.update");
    expect(await getCorrectedOn(db, { entity: "statement", id })).toBeNull();
  });

  it("refuses a date after a benchmark it raised starts applying", async () => {
    const refused = editStatement(db, await statementForm("ngo-2018-hrc37-letter", { date: "2019-05-01", roundSlug: "" }), EDITOR);
    await expect(refused).rejects.toBeInstanceOf(RecordEditError);
    await expect(refused).rejects.toMatchObject({ code: "appliesTooEarly", params: { slugs: expect.any(String) } });
  });
});

describe("editing a benchmark", () => {
  it("corrects title, category and a restated demand: public at once, dated, and the figures refresh as a rebuild would", async () => {
    const id = await idOf("benchmarks", "release-liu-xia");
    const form = await benchmarkForm("release-liu-xia");
    const demands = form.demands.map((d, i) => (i === 0 ? "Release her from house arrest, reworded." : d.demand));
    const input = await benchmarkForm("release-liu-xia", { title: "Release Liu Xia from house arrest", categorySlug: "legal-reform", demand: demands });
    await editBenchmark(db, input, EDITOR);
    await expectRefreshEqualsRebuild();
    const page = await getPublicBenchmark(db, "release-liu-xia");
    expect(page).toMatchObject({ title: "Release Liu Xia from house arrest", categorySlug: "legal-reform" });
    expect((await rawGet(db, "SELECT title, category_id FROM public_benchmarks WHERE benchmark_id = ?", id))).toEqual({ title: "Release Liu Xia from house arrest", category_id: await idOf("categories", "legal-reform") });
    const [entry] = await listRecordHistory(db, { entity: "benchmark", id });
    expect(entry!.action).toBe("benchmark.correct");
    expect(entry!.changes.map((c) => c.field)).toEqual(["title", "category", "demands"]);
    expect(await getCorrectedOn(db, { entity: "benchmark", id })).toMatch(/^\d{4}-/);
  });

  it("changes the scope and the people linked; linking a confidential person hides the benchmark everywhere", async () => {
    const id = await idOf("benchmarks", "release-gui-minhai");
    await editBenchmark(db, await benchmarkForm("release-gui-minhai", { scopeTrackSlugs: ["un-hrc"] }), EDITOR);
    await expectRefreshEqualsRebuild();
    expect((await rawGet(db, "SELECT COUNT(*) AS n FROM benchmark_tracks WHERE benchmark_id = ?", id))).toEqual({ n: 1 });

    (await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'zhu-yufu'"));
    await rebuildPublishedAggregates(db);
    const form = await benchmarkForm("release-gui-minhai");
    const result = await editBenchmark(db, { ...form, subjectSlugs: [...form.subjectSlugs, "zhu-yufu"] }, EDITOR);
    expect(result.hidden).toBe(true);
    expect(result.message).toMatch(/confidential/);
    await expectRefreshEqualsRebuild();
    expect(await getPublicBenchmark(db, "release-gui-minhai")).toBeUndefined();
    expect((await rawGet(db, "SELECT COUNT(*) AS n FROM public_benchmarks WHERE benchmark_id = ?", id))).toEqual({ n: 0 });
  });

  it("refuses a stale form, a demand for a statement that is not a source, and an applies-from round before its statement", async () => {
    const stale = await benchmarkForm("release-liu-xia", { title: "Second tab" });
    await editBenchmark(db, await benchmarkForm("release-liu-xia", { title: "First tab" }), EDITOR);
    await expect(editBenchmark(db, stale, EDITOR)).rejects.toBeInstanceOf(EditConflictError);
    const fresh = await benchmarkForm("release-liu-xia");
    await expect(editBenchmark(db, { ...fresh, demands: [{ statementSlug: "hrw-2012-dialogue-comments", demand: "Not a source.", demandZh: undefined }] }, EDITOR)).rejects.toThrow(/no longer a source/);
    await expect(editBenchmark(db, { ...fresh, appliesFromRoundSlug: "uschrd-2012-washington" }, EDITOR)).rejects.toThrow(/before the first statement/);
  });
});

describe("merging two benchmarks", () => {
  const count = async (sql: string, ...args: unknown[]) => ((await rawGet(db, sql, ...args)) as { n: number }).n;

  it("moves every source, score, assessment, decision and evidence to the kept one, marks the other merged, and the figures equal a rebuild", async () => {
    const from = await idOf("benchmarks", "public-input-into-upr-report");
    const into = await idOf("benchmarks", "consult-civil-society-before-round");
    const round = await idOf("rounds", "upr-china-2018");
    (await rawRun(db, "INSERT INTO published_evidence (benchmark_id, round_id, position, url, title) VALUES (?, ?, 1, 'https://example.org/upr', 'UPR report')", from, round));
    const scores = await count("SELECT COUNT(*) AS n FROM published_scores WHERE benchmark_id IN (?, ?)", from, into);
    const assessed = await count("SELECT COUNT(*) AS n FROM assessments WHERE benchmark_id IN (?, ?)", from, into);
    const decided = await count("SELECT COUNT(*) AS n FROM editor_decisions WHERE benchmark_id IN (?, ?)", from, into);
    const sources = await count("SELECT COUNT(*) AS n FROM benchmark_sources WHERE benchmark_id IN (?, ?)", from, into);
    await rebuildPublishedAggregates(db);

    const result = await mergeBenchmarks(db, mergeBenchmarkSchema.parse({ slug: "public-input-into-upr-report", version: String(await version("benchmark", from)), intoSlug: "consult-civil-society-before-round" }), EDITOR);
    expect(result.roundsMoved).toHaveLength(1);
    await expectRefreshEqualsRebuild();

    expect(await count("SELECT COUNT(*) AS n FROM published_scores WHERE benchmark_id = ?", into)).toBe(scores);
    expect(await count("SELECT COUNT(*) AS n FROM assessments WHERE benchmark_id = ?", into)).toBe(assessed);
    expect(await count("SELECT COUNT(*) AS n FROM editor_decisions WHERE benchmark_id = ?", into)).toBe(decided);
    expect(await count("SELECT COUNT(*) AS n FROM benchmark_sources WHERE benchmark_id = ?", into)).toBe(sources);
    expect(await count("SELECT COUNT(*) AS n FROM published_evidence WHERE benchmark_id = ? AND round_id = ?", into, round)).toBe(1);
    expect((await rawGet(db, "SELECT review_state, merged_into_id FROM benchmarks WHERE id = ?", from))).toEqual({ review_state: "merged", merged_into_id: into });
    // The kept one is assessed at both benchmarks' tracks now, so the moved score counts.
    expect((await readBenchmarkFields(db, into)).fields.scope).toEqual(["upr", "us-china-dialogue"]);
    expect(await count("SELECT COUNT(*) AS n FROM public_benchmarks WHERE benchmark_id = ?", from)).toBe(0);
    expect(await getPublicBenchmark(db, "public-input-into-upr-report")).toBeUndefined();
    const kept = await getPublicBenchmark(db, "consult-civil-society-before-round");
    expect(kept?.scope.map((t) => t.slug)).toEqual(expect.arrayContaining(["upr", "us-china-dialogue"]));

    expect((await listRecordHistory(db, { entity: "benchmark", id: from }))[0]!.action).toBe("benchmark.merge-into");
    expect((await listRecordHistory(db, { entity: "benchmark", id: into }))[0]!.action).toBe("benchmark.merge-from");
  });

  it("refuses where both were scored at one round, naming the rounds; with the box ticked the kept one's scores stand there and nothing is lost", async () => {
    const from = await idOf("benchmarks", "liu-xiaobo-contact");
    const into = await idOf("benchmarks", "release-liu-xia");
    const input = mergeBenchmarkSchema.parse({ slug: "liu-xiaobo-contact", version: String(await version("benchmark", from)), intoSlug: "release-liu-xia" });
    const all = await count("SELECT COUNT(*) AS n FROM assessments WHERE benchmark_id IN (?, ?)", from, into);
    const refused = await mergeBenchmarks(db, input, EDITOR).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RecordEditError);
    expect((refused as RecordEditError).message).toMatch(/^Both benchmarks were scored at .+\. Nothing was merged\./);
    // Coded for the page's language: the rounds by their Chinese names too, the titles in both languages.
    expect(refused).toMatchObject({ code: "bothScored", params: { rounds: { zh: expect.stringMatching(/\p{Script=Han}/u) }, into: { en: expect.any(String) }, from: { en: expect.any(String) } } });
    expect((await rawGet(db, "SELECT review_state FROM benchmarks WHERE id = ?", from))).toEqual({ review_state: "approved" });

    const kept = (await rawAll(db, "SELECT round_id, status FROM published_scores WHERE benchmark_id = ? ORDER BY round_id", into));
    const result = await mergeBenchmarks(db, { ...input, keepTheirs: true }, EDITOR);
    expect(result.roundsKept.length).toBeGreaterThan(0);
    await expectRefreshEqualsRebuild();
    expect((await rawAll(db, "SELECT round_id, status FROM published_scores WHERE benchmark_id = ? ORDER BY round_id", into))).toEqual(kept);
    expect(await count("SELECT COUNT(*) AS n FROM assessments WHERE benchmark_id IN (?, ?)", from, into)).toBe(all);
    // Both cited the 2015 editorial: the kept link stays, and the merged one's wording is in the audit entry.
    const [entry] = await listRecordHistory(db, { entity: "benchmark", id: into });
    expect(entry!.changes.find((c) => c.field === "wordingsDropped")?.after).toEqual([expect.stringMatching(/^rdn-2015-editorial: /)]);
  });

  it("refuses a merge into itself, into a merged benchmark, and a stale form", async () => {
    const from = await idOf("benchmarks", "public-input-into-upr-report");
    const v = String(await version("benchmark", from));
    await expect(mergeBenchmarks(db, mergeBenchmarkSchema.parse({ slug: "public-input-into-upr-report", version: v, intoSlug: "public-input-into-upr-report" }), EDITOR)).rejects.toThrow(/another benchmark/);
    await mergeBenchmarks(db, mergeBenchmarkSchema.parse({ slug: "public-input-into-upr-report", version: v, intoSlug: "consult-civil-society-before-round" }), EDITOR);
    const other = await idOf("benchmarks", "report-results-publicly");
    await expect(
      mergeBenchmarks(db, mergeBenchmarkSchema.parse({ slug: "report-results-publicly", version: String(await version("benchmark", other)), intoSlug: "public-input-into-upr-report", keepTheirs: "yes" }), EDITOR),
    ).rejects.toThrow(/not an approved benchmark/);
    await expect(mergeBenchmarks(db, mergeBenchmarkSchema.parse({ slug: "public-input-into-upr-report", version: v, intoSlug: "report-results-publicly" }), EDITOR)).rejects.toBeInstanceOf(EditConflictError);
  });
});
