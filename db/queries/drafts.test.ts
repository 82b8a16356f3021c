// Drafts: what a reviewer adds stays out of every public query and figure until an editor approves
// it; approving, rejecting, editing and merging keep every row and say why; confirming a candidate
// twice finds the first benchmark, held by a unique index as well as by the check.
import { rawAll, rawGet, rawInsert, rawRun, UNIQUE_VIOLATION } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { candidateKey } from "@/lib/extract/candidate-key";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { listBenchmarkSources, listPublicBenchmarksPage, countPublicBenchmarks } from "./benchmarks";
import { approveDraft, editDraftBenchmark, mergeDraftBenchmark, rejectDraft } from "../commands/drafts";
import { addBenchmarkSource, createBenchmarkFromDemand, createStatement, type Author, type NewStatement } from "../commands/statements";
import { listAdditionsAwaitingOrRefused, listDraftQueue } from "./drafts";
import { listFilterOptions } from "./filter-options";
import { resolveFilters } from "./filters";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";
import { readDataVersionNow as readDataVersion } from "./published-aggregates";
import { listRoundBenchmarks } from "./review";
import { countPublicDemands, getStatement, listCandidateOutcomes, listStatementsPage } from "./statements";

const REVIEWER: Author = { id: "demo-reviewer-a", role: "reviewer" };
const EDITOR: Author = { id: "demo-editor", role: "editor" };

let db: Db;
beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const letter = (title: string, extra: Partial<NewStatement> = {}): NewStatement => ({
  title,
  kind: "government_statement",
  date: "2018-03-05",
  datePrecision: "day",
  language: "en",
  sourceUrl: null,
  roundSlug: "hrc-37",
  publishers: ["A Test Group"],
  summary: "",
  fullText: "1. Release everyone held for their speech.",
  ...extra,
});

async function statementId(slug: string): Promise<number> {
  return ((await rawGet(db, "SELECT id FROM statements WHERE slug = ?", slug)) as { id: number }).id;
}

async function confirm(statementSlug: string, text: string, author: Author = REVIEWER, title = "Release everyone held for speech") {
  return await createBenchmarkFromDemand(db, { statementSlug, candidateKey: candidateKey(await statementId(statementSlug), text), demand: text, title, categorySlug: "release-of-detained-people", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", scopeTrackSlugs: [], subjectSlugs: [] }, author);
}

const publicSlugs = async () => (await listStatementsPage(db, { limit: 500, offset: 0 })).rows.map((s) => s.slug);
const everyPublicBenchmark = async () => (await listPublicBenchmarksPage(db, await resolveFilters(db, {}), { limit: 1000, offset: 0 })).rows.map((b) => b.slug);
const hrc37 = async () => (await rawGet(db, "SELECT id, start_date AS startDate, track_id AS trackId FROM rounds WHERE slug = 'hrc-37'")) as { id: number; startDate: string; trackId: number };
const publicBenchmarkRows = async () => {
  // As the guarded action does after the approval: the writer refreshes.
  await refreshPublishedAggregatesNow(db);
  return ((await rawAll(db, "SELECT b.slug FROM public_benchmarks pb JOIN benchmarks b ON b.id = pb.benchmark_id")) as Array<{ slug: string }>).map((r) => r.slug);
};

describe("a reviewer's statement", () => {
  it("is a draft: no public list, page, filter or option names it until an editor approves it", async () => {
    const total = (await listStatementsPage(db, { limit: 1, offset: 0 })).total;
    const slug = await createStatement(db, letter("A reviewer's letter"), REVIEWER);
    expect(await publicSlugs()).not.toContain(slug);
    expect((await listStatementsPage(db, { limit: 1, offset: 0 })).total).toBe(total);
    expect(await getStatement(db, slug)).toBeUndefined();
    expect((await resolveFilters(db, { statement: slug })).matchesNothing).toBe(true);
    const options = (await listFilterOptions(db, {}, {})).statements;
    expect(options.kind === "all" && options.items.map((i) => i.slug)).not.toContain(slug);
    expect((await listDraftQueue(db)).statements.map((s) => s.slug)).toEqual([slug]);

    const before = (await readDataVersion(db)).version;
    await approveDraft(db, { kind: "statement", slug }, EDITOR.id);
    expect((await readDataVersion(db)).version).toBeGreaterThan(before);
    expect((await getStatement(db, slug))?.kind).toBe("government_statement");
    expect(await publicSlugs()).toContain(slug);
    expect((await listDraftQueue(db)).statements).toEqual([]);
  });

  it("added by an editor is approved at once, and audited", async () => {
    const slug = await createStatement(db, letter("An editor's letter"), EDITOR);
    expect(await getStatement(db, slug)).toBeDefined();
    expect((await rawGet(db, "SELECT reviewed_by AS by FROM statements WHERE slug = ?", slug))).toEqual({ by: EDITOR.id });
    expect((await rawGet(db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'statement.create' AND entity_id = ?", String(await statementId(slug))))).toEqual({ n: 1 });
  });
});

describe("a reviewer's benchmark", () => {
  it("is in no public list, count, aggregate or scoring queue while a draft, even with a published score", async () => {
    const statement = await createStatement(db, letter("Draft letter"), REVIEWER);
    const publicCount = await countPublicBenchmarks(db, await resolveFilters(db, {}));
    const { benchmarkSlug } = await confirm(statement, "Release everyone held for their speech.");
    // As if a score had slipped through: a draft still enters no figure.
    const id = ((await rawGet(db, "SELECT id FROM benchmarks WHERE slug = ?", benchmarkSlug)) as { id: number }).id;
    const assessment = await rawInsert(db, "INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, 'demo-reviewer-a', 'met', 'x')", id, (await hrc37()).id);
    (await rawRun(db, "INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, 'demo-editor', '2026-01-01')", id, (await hrc37()).id, assessment));

    expect(await everyPublicBenchmark()).not.toContain(benchmarkSlug);
    expect(await countPublicBenchmarks(db, await resolveFilters(db, {}))).toBe(publicCount);
    expect(await publicBenchmarkRows()).not.toContain(benchmarkSlug);
    expect((await listRoundBenchmarks(db, await hrc37())).map((b) => b.slug)).not.toContain(benchmarkSlug);

    const message = await approveDraft(db, { kind: "benchmark", slug: benchmarkSlug }, EDITOR.id);
    // Approving the benchmark approves the draft statement that raised it, so it is never public without its source.
    expect(message).toMatch(/with its statement “Draft letter”/);
    expect(await getStatement(db, statement)).toBeDefined();
    expect(await everyPublicBenchmark()).toContain(benchmarkSlug);
    expect(await countPublicBenchmarks(db, await resolveFilters(db, {}))).toBe(publicCount + 1);
    expect(await publicBenchmarkRows()).toContain(benchmarkSlug);
    expect((await listRoundBenchmarks(db, await hrc37())).map((b) => b.slug)).toContain(benchmarkSlug);
    expect((await listBenchmarkSources(db, [id])).map((s) => s.statementSlug)).toEqual([statement]);
  });

  it("of an approved statement stays a draft: approving the statement approves only the statement", async () => {
    const statement = await createStatement(db, letter("Letter approved first"), REVIEWER);
    const { benchmarkSlug } = await confirm(statement, "Release everyone held for their speech.");
    await approveDraft(db, { kind: "statement", slug: statement }, EDITOR.id);
    expect(await everyPublicBenchmark()).not.toContain(benchmarkSlug);
    expect((await countPublicDemands(db, [await statementId(statement)])).get(await statementId(statement))).toBeUndefined();
    expect((await listDraftQueue(db)).benchmarks.map((b) => b.slug)).toEqual([benchmarkSlug]);
  });

  it("may apply from the round its statement addresses, though that round began before the statement's date", async () => {
    const statement = await createStatement(db, letter("Letter sent during the session", { date: "2018-03-05" }), REVIEWER);
    expect((await hrc37()).startDate < "2018-03-05").toBe(true);
    expect((await confirm(statement, "Release everyone held for their speech.")).created).toBe(true);
  });
});

describe("confirming a candidate", () => {
  it("twice returns the first benchmark and writes nothing, whatever the second form says", async () => {
    const statement = await createStatement(db, letter("Letter confirmed twice"), REVIEWER);
    const first = await confirm(statement, "Release everyone held for their speech.");
    const rows = (await rawGet(db, "SELECT (SELECT COUNT(*) FROM benchmarks) + (SELECT COUNT(*) FROM benchmark_sources) + (SELECT COUNT(*) FROM audit_log) AS n"));
    const second = await confirm(statement, "Release everyone held for their speech.", REVIEWER, "A different title typed in another tab");
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    const asSource = await addBenchmarkSource(db, { statementSlug: statement, benchmarkSlug: "release-liu-xia", demand: "x", candidateKey: candidateKey(await statementId(statement), "Release everyone held for their speech.") }, REVIEWER);
    expect(asSource).toEqual({ ...first, created: false });
    expect((await rawGet(db, "SELECT (SELECT COUNT(*) FROM benchmarks) + (SELECT COUNT(*) FROM benchmark_sources) + (SELECT COUNT(*) FROM audit_log) AS n"))).toEqual(rows);
    expect((await rawGet(db, "SELECT COUNT(*) AS n FROM benchmarks WHERE slug LIKE 'release-everyone-held-for-speech%'"))).toEqual({ n: 1 });
  });

  it("is held by the database too: a second link for the same candidate is refused", async () => {
    const statement = await createStatement(db, letter("Letter with a unique key"), REVIEWER);
    const { benchmarkSlug } = await confirm(statement, "Release everyone held for their speech.");
    const key = candidateKey(await statementId(statement), "Release everyone held for their speech.");
    const sid = await statementId(statement);
    await expect(
      rawRun(db, "INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, candidate_key) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), ?, 'x', ?)", sid, key),
    ).rejects.toThrow(UNIQUE_VIOLATION);
    expect((await listCandidateOutcomes(db, await statementId(statement))).get(key)).toMatchObject({ benchmarkSlug, benchmarkTitle: "Release everyone held for speech", benchmarkState: "draft" });
  });
});

describe("rejecting", () => {
  it("keeps the draft stored, shows the reason to the reviewer who added it, and takes the statement's own benchmarks with it", async () => {
    const statement = await createStatement(db, letter("Letter to reject"), REVIEWER);
    const { benchmarkSlug } = await confirm(statement, "Release everyone held for their speech.");
    await rejectDraft(db, { kind: "statement", slug: statement }, "Not a document we track.", EDITOR.id);
    const additions = await listAdditionsAwaitingOrRefused(db, REVIEWER.id);
    expect(additions.statements).toEqual([{ slug: statement, title: "Letter to reject", state: "rejected", note: "Not a document we track." }]);
    expect(additions.benchmarks).toEqual([{ slug: benchmarkSlug, title: "Release everyone held for speech", state: "rejected", note: "Its statement was rejected: Not a document we track." }]);
    expect(await getStatement(db, statement)).toBeUndefined();
    expect(await listDraftQueue(db)).toEqual({ statements: [], benchmarks: [], sources: [] });
    await expect(approveDraft(db, { kind: "benchmark", slug: benchmarkSlug }, EDITOR.id)).rejects.toThrow(/no longer a draft/);
    await expect(confirm(statement, "Another sentence.")).rejects.toThrow(/rejected this statement/);
  });
});

describe("editing and merging", () => {
  it("an editor edits a draft benchmark's title, demand and category before approving it; the audit log keeps both", async () => {
    const statement = await createStatement(db, letter("Letter to edit"), REVIEWER);
    const { benchmarkSlug } = await confirm(statement, "Release everyone held for their speech.");
    await editDraftBenchmark(db, { slug: benchmarkSlug, title: "Free all held for speech", categorySlug: "legal-reform", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", statementSlug: statement, demand: "Release them all." }, EDITOR.id);
    const row = (await rawGet(db, "SELECT b.title, c.slug AS category, bs.demand FROM benchmarks b JOIN categories c ON c.id = b.category_id JOIN benchmark_sources bs ON bs.benchmark_id = b.id WHERE b.slug = ?", benchmarkSlug));
    expect(row).toEqual({ title: "Free all held for speech", category: "legal-reform", demand: "Release them all." });
    const audit = (await rawGet(db, "SELECT before, after FROM audit_log WHERE action = 'benchmark.edit'")) as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ title: "Release everyone held for speech" });
    expect(JSON.parse(audit.after)).toMatchObject({ title: "Free all held for speech" });
  });

  it("merging a draft into an existing benchmark moves its source there with the candidate it came from", async () => {
    const statement = await createStatement(db, letter("Letter repeating a demand"), REVIEWER);
    const text = "China should end Liu Xia's house arrest.";
    const { benchmarkSlug } = await confirm(statement, text);
    await approveDraft(db, { kind: "statement", slug: statement }, EDITOR.id);
    await mergeDraftBenchmark(db, { slug: benchmarkSlug, intoSlug: "release-liu-xia" }, EDITOR.id);
    const liuXia = ((await rawGet(db, "SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'")) as { id: number }).id;
    expect((await listBenchmarkSources(db, [liuXia])).map((s) => s.statementSlug)).toContain(statement);
    expect((await listCandidateOutcomes(db, await statementId(statement))).get(candidateKey(await statementId(statement), text))).toMatchObject({ benchmarkSlug: "release-liu-xia", benchmarkState: "approved" });
    expect((await rawGet(db, "SELECT review_state AS state, merged_into_id AS mergedInto FROM benchmarks WHERE slug = ?", benchmarkSlug))).toEqual({ state: "merged", mergedInto: liuXia });
    expect(await everyPublicBenchmark()).not.toContain(benchmarkSlug);
  });
});

describe("a source link", () => {
  it("a reviewer adds between an approved statement and an approved benchmark waits for an editor", async () => {
    const liuXia = ((await rawGet(db, "SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'")) as { id: number }).id;
    const sources = async () => (await listBenchmarkSources(db, [liuXia])).map((s) => s.statementSlug);
    expect(await sources()).not.toContain("ambassadors-2017-letter");
    await addBenchmarkSource(db, { statementSlug: "ambassadors-2017-letter", benchmarkSlug: "release-liu-xia", demand: "Free her.", candidateKey: candidateKey(await statementId("ambassadors-2017-letter"), "Free her.") }, REVIEWER);
    expect(await sources()).not.toContain("ambassadors-2017-letter");
    expect((await listDraftQueue(db)).sources.map((s) => `${s.benchmarkSlug}@${s.statementSlug}`)).toEqual(["release-liu-xia@ambassadors-2017-letter"]);
    await approveDraft(db, { kind: "source", benchmarkSlug: "release-liu-xia", statementSlug: "ambassadors-2017-letter" }, EDITOR.id);
    expect(await sources()).toContain("ambassadors-2017-letter");
  });
});
