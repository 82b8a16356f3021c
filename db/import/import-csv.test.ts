// The import against a seeded database, fed with files the app's own CSV exports wrote: what it
// writes, what it refuses, and that a refused file changes no table at all.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getTableName, is, Table } from "drizzle-orm";
import { rawAll, rawCount, rawGet, rawRun } from "@/db/testing/raw-sql";
import type { Db } from "../client";
import * as schema from "../schema";
import type { ImportResult, ImportSummary } from "./import-csv";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/import-test-${process.pid}-${Date.now()}.db`;
});

const EDITOR = { id: "import-test-editor" };
let db: Db;
let importCsv: typeof import("./import-csv").importCsv;
let scoresCsv: string;
let benchmarksCsv: string;

const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => rawAll<T>(db, sql, ...params);

/** The number of rows of every table of the app's schema, by name. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = Object.values(schema).filter((t) => is(t, Table)).map((t) => getTableName(t as Table)).sort();
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rawCount(db, `SELECT count(*) AS n FROM "${t}"`)])));
}

async function exported(path: string): Promise<string> {
  const route = path.startsWith("/exports/scores") ? await import("@/app/exports/scores.csv/route") : await import("@/app/exports/benchmarks.csv/route");
  const response = await route.GET(new Request(`http://localhost${path}`));
  expect(response.status).toBe(200);
  // Kept as bytes decode them: the byte-order mark the export writes stays at the start.
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

/** The CSV as records (header first), for editing a file the way a person would in a spreadsheet. */
const records = (csv: string) => parse(csv, { bom: true }) as string[][];
const toCsv = (rows: string[][]) => stringify(rows);
const column = (rows: string[][], header: string) => rows[0]!.indexOf(header);

async function run(csv: string, fileName = "test.csv"): Promise<ImportResult> {
  return await importCsv(db, csv, EDITOR, fileName);
}

function succeeded(result: ImportResult): ImportSummary {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.summary;
}

beforeAll(async () => {
  const { prepareDatabase } = await import("../prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  db = (await import("../client")).getDb();
  importCsv = (await import("./import-csv")).importCsv;
  const now = Date.now();
  await rawRun(db, "INSERT INTO users (id, email, name, role, is_demo, created_at, updated_at) VALUES (?, 'importer@example.org', 'Ina Importer', 'editor', 0, ?, ?)", EDITOR.id, now, now);
  // An unpublished round after the seed's last one, for scores that are not public yet.
  await rawRun(db, "INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES ('hrc-40', (SELECT id FROM tracks WHERE slug = 'un-hrc'), 'Human Rights Council, 40th session', '2019-02-25', 'day')");
  scoresCsv = await exported("/exports/scores.csv");
  benchmarksCsv = await exported("/exports/benchmarks.csv");
  expect(scoresCsv.startsWith("\uFEFF")).toBe(true);
});

describe("re-importing the app's own exports", () => {
  it("a scores export adds nothing: every row is the published score; only the audit entry is written", async () => {
    const before = await rowCounts();
    const summary = succeeded(await run(scoresCsv, "scores.csv"));
    const rows = records(scoresCsv).length - 1;
    expect(summary).toMatchObject({ kind: "scores", rowsRead: rows, alreadyPublished: rows, assessmentsCreated: 0 });
    expect(rows).toBeGreaterThan(150);
    expect(await rowCounts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it("a published score whose evidence joins two reviewers' links re-imports as already published", async () => {
    const score = (await rawGet<{ b: number; r: number }>(db, "SELECT benchmark_id AS b, round_id AS r FROM published_scores ORDER BY round_id DESC, benchmark_id LIMIT 1"))!;
    const insert = "INSERT INTO published_evidence (benchmark_id, round_id, position, url, title) VALUES (?, ?, ?, ?, ?)";
    await rawRun(db, insert, score.b, score.r, 1, "https://example.org/first-reviewer", "First reviewer's report");
    await rawRun(db, insert, score.b, score.r, 2, "https://example.org/second-reviewer", "Second reviewer's report");
    const csv = await exported("/exports/scores.csv");
    expect(csv).toContain("Second reviewer's report <https://example.org/second-reviewer>");
    const summary = succeeded(await run(csv, "scores.csv"));
    expect(summary).toMatchObject({ alreadyPublished: records(csv).length - 1, assessmentsCreated: 0 });
    await rawRun(db, "DELETE FROM published_evidence WHERE benchmark_id = ? AND round_id = ?", score.b, score.r);
  });

  it("a benchmarks export creates nothing: every benchmark agrees with the stored one", async () => {
    const before = await rowCounts();
    const summary = succeeded(await run(benchmarksCsv, "benchmarks.csv"));
    expect(summary).toMatchObject({ kind: "benchmarks", rowsRead: 49, benchmarksCreated: [], benchmarksUnchanged: 49 });
    expect(await rowCounts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it("records one audit entry per import, in the importer's name, with the counts", async () => {
    const entry = (await rawGet<{ user_id: string; entity: string; entity_id: string; after: string }>(db, "SELECT user_id, entity, entity_id, after FROM audit_log WHERE action = 'import.csv' ORDER BY id DESC LIMIT 1"))!;
    expect(entry).toMatchObject({ user_id: EDITOR.id, entity: "import", entity_id: expect.stringMatching(/^benchmarks-[0-9a-f]{12}$/) });
    expect(JSON.parse(entry.after)).toMatchObject({ file: "benchmarks.csv", kind: "benchmarks", rowsRead: 49, benchmarksCreated: 0, benchmarksUnchanged: 49, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("a benchmark edited to disagree with the stored one is an error with its line, and nothing is written", async () => {
    const rows = records(benchmarksCsv);
    expect(rows.flat().some((cell) => cell.includes("\n"))).toBe(false);
    const title = column(rows, "Benchmark");
    const category = column(rows, "Category");
    const original = rows[5]![title]!;
    rows[5]![title] = `${original} (edited)`;
    rows[9]![category] = rows[9]![category] === "Legal reform" ? "Release of detained people" : "Legal reform";
    const before = await rowCounts();
    const result = await run(toCsv(rows));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 6, message: expect.stringContaining(`its title is “${original}”, the file says “${original} (edited)”`) },
      { line: 10, message: expect.stringMatching(/its category is “.*”, the file says “.*”\. An import never changes a stored benchmark/) },
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("scope in the benchmarks export", () => {
  it("writes where each benchmark is assessed, and a changed scope is refused like any other difference", async () => {
    const rows = records(benchmarksCsv);
    const id = column(rows, "Benchmark ID");
    const scope = column(rows, "Assessed at");
    const row = (slug: string) => rows.findIndex((r) => r[id] === slug);
    expect(rows[row("dialogue-held-regularly")]![scope]).toBe("US–China Human Rights Dialogue");
    expect(rows[row("release-liu-xia")]![scope]).toBe("All tracks");
    rows[row("dialogue-held-regularly")]![scope] = "All tracks";
    rows[row("release-liu-xia")]![scope] = "un-hrc | upr";
    const before = await rowCounts();
    const result = await run(toCsv(rows));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining("the tracks at whose rounds it is assessed differ") }),
      expect.objectContaining({ message: expect.stringContaining("the tracks at whose rounds it is assessed differ") }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});

const BENCHMARK_HEADER = ["Benchmark", "Benchmark ID", "Category", "Addressed to", "Applies from", "Retired on", "Why retired", "Raised by", "People", "Laws and practices"];
const STATEMENT_2018 = "Joint NGO letter to UN member states ahead of the 37th Human Rights Council session";

describe("importing new benchmarks", () => {
  it("one bad row among good ones: every problem is listed and no table changes", async () => {
    const before = await rowCounts();
    const result = await run(
      toCsv([
        BENCHMARK_HEADER,
        ["Free all lawyers held since 2015", "free-lawyers-2015", "Release of detained people", "Chinese government", "hrc-37", "", "", STATEMENT_2018, "", ""],
        ["Close the black jails", "close-black-jails", "No such category", "Chinese government", "hrc-37", "", "", "", "", ""],
        ["Publish court verdicts", "publish-verdicts", "Transparency and reporting", "Chinese government", "hrc-37", "", "", "", "Nobody Known", "A law never passed"],
        ["Report to the UN on torture", "report-on-torture", "Transparency and reporting", "UN member states", "uschrd-2012-washington", "", "", STATEMENT_2018, "", ""],
        ["Free all lawyers held since 2015, again", "free-lawyers-2015", "Release of detained people", "Chinese government", "hrc-37", "", "", "", "", ""],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowsRead).toBe(5);
    expect(result.problems).toEqual([
      { line: 3, message: expect.stringMatching(/The category “No such category” does not exist/) },
      { line: 4, message: expect.stringMatching(/The person “Nobody Known” does not exist.*The law or practice “A law never passed” does not exist/) },
      { line: 5, message: expect.stringMatching(/cannot apply from 2012 US–China dialogue, Washington \(2012-07-01\), before the statement that raised it \(2018-02-03\)/) },
      { line: 6, message: "The benchmark ID “free-lawyers-2015” is already on line 2." },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it("creates new benchmarks with their statements, people and laws, matched by name as the export writes them", async () => {
    const before = await rowCounts();
    const summary = succeeded(
      await run(
        toCsv([
          BENCHMARK_HEADER,
          ["Let Liu Xia travel abroad freely", "liu-xia-travel", "Release of detained people", "Chinese government", "Human Rights Council, 37th session", "", "", STATEMENT_2018, "Liu Xia (刘霞)", ""],
          ["End residential surveillance at a designated location", "end-rsdl-import", "Legal reform", "chinese_government", "hrc-40", "", "", "", "", "Residential surveillance at a designated location (指定居所监视居住)"],
        ]),
      ),
    );
    expect(summary).toMatchObject({ benchmarksCreated: ["liu-xia-travel", "end-rsdl-import"], benchmarksUnchanged: 0 });
    expect(await rowCounts()).toMatchObject({ benchmarks: before.benchmarks! + 2, benchmark_sources: before.benchmark_sources! + 1, benchmark_subjects: before.benchmark_subjects! + 2 });
    const [source] = await all<{ demand: string; title: string }>(
      "SELECT bs.demand, s.title FROM benchmark_sources bs JOIN benchmarks b ON b.id = bs.benchmark_id JOIN statements s ON s.id = bs.statement_id WHERE b.slug = 'liu-xia-travel'",
    );
    expect(source).toEqual({ demand: "Let Liu Xia travel abroad freely", title: STATEMENT_2018 });
    expect(await all("SELECT s.name FROM benchmark_subjects x JOIN subjects s ON s.id = x.subject_id JOIN benchmarks b ON b.id = x.benchmark_id WHERE b.slug = 'liu-xia-travel'")).toEqual([{ name: "Liu Xia" }]);
  });
});

describe("importing benchmarks with a scope", () => {
  const header = [...BENCHMARK_HEADER, "Assessed at"];
  const row = (slug: string, scope: string) => [`Hear NGOs at the talks (${slug})`, slug, "Civil-society participation", "both_governments", "hrc-37", "", "", "", "", "", scope];

  it("stores the tracks named, by name or ID; empty or “All tracks” means every track", async () => {
    const summary = succeeded(
      await run(toCsv([header, row("hear-ngos-dialogue", "US–China Human Rights Dialogue"), row("hear-ngos-two", "un-hrc | Universal Periodic Review"), row("hear-ngos-all", "all tracks"), row("hear-ngos-empty", "")])),
    );
    expect(summary.benchmarksCreated).toHaveLength(4);
    const tracksOf = new Map<string, string[]>();
    for (const { slug, track } of await all<{ slug: string; track: string | null }>(
      `SELECT b.slug, t.slug AS track FROM benchmarks b LEFT JOIN benchmark_tracks bt ON bt.benchmark_id = b.id LEFT JOIN tracks t ON t.id = bt.track_id
        WHERE b.slug LIKE 'hear-ngos-%' ORDER BY b.slug, t.slug`,
    )) {
      tracksOf.set(slug, [...(tracksOf.get(slug) ?? []), ...(track ? [track] : [])]);
    }
    const scopes = [...tracksOf].map(([slug, tracks]) => ({ slug, tracks: tracks.length ? tracks.join(" ") : null }));
    expect(scopes).toEqual([
      { slug: "hear-ngos-all", tracks: null },
      { slug: "hear-ngos-dialogue", tracks: "us-china-dialogue" },
      { slug: "hear-ngos-empty", tracks: null },
      { slug: "hear-ngos-two", tracks: expect.stringMatching(/^(un-hrc upr|upr un-hrc)$/) },
    ]);
  });

  it("refuses a track that does not exist, and writes nothing", async () => {
    const before = await rowCounts();
    const result = await run(toCsv([header, row("hear-ngos-nowhere", "EU–China dialogue")]));
    expect(result).toMatchObject({ ok: false, problems: [{ line: 2, message: expect.stringMatching(/The track “EU–China dialogue” does not exist/) }] });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("importing scores", () => {
  const SCORE_HEADER = ["Round ID", "Benchmark ID", "Status code", "Rationale", "Evidence", "Demo data"];

  it("adds each score as an assessment in the importer's name, with its evidence, and a second import adds nothing", async () => {
    const file = toCsv([
      SCORE_HEADER,
      ["hrc-37", "liu-xia-travel", "not_met", "She was still kept from travelling during the session.", "Report <https://example.org/liu-xia-2018>", "no"],
      ["hrc-40", "liu-xia-travel", "met", "She left for Berlin in July 2018.", "News <https://example.org/berlin> | Statement <https://example.org/statement>", "no"],
      ["hrc-40", "end-rsdl-import", "not_met", "The provision is still in force.", "", "yes"],
    ]);
    const before = await rowCounts();
    const summary = succeeded(await run(file));
    expect(summary).toMatchObject({ assessmentsCreated: 3, alreadyPublished: 0, alreadyImported: 0, differFromPublished: 0, atPublishedRounds: 1 });
    expect(await rowCounts()).toMatchObject({ assessments: before.assessments! + 3, evidence_links: before.evidence_links! + 3, published_scores: before.published_scores });
    expect(await all("SELECT a.status, a.is_demo AS demo, a.reviewer_id AS reviewer FROM assessments a JOIN benchmarks b ON b.id = a.benchmark_id WHERE b.slug = 'end-rsdl-import'")).toEqual([
      { status: "not_met", demo: 1, reviewer: EDITOR.id },
    ]);

    const again = await rowCounts();
    expect(succeeded(await run(file))).toMatchObject({ assessmentsCreated: 0, alreadyImported: 3 });
    expect(await rowCounts()).toEqual({ ...again, audit_log: again.audit_log! + 1 });
  });

  it("an exported score changed in the file becomes a new assessment; the published score and everyone's assessments stay as they were", async () => {
    const rows = records(scoresCsv);
    const status = column(rows, "Status");
    const code = column(rows, "Status code");
    const rationale = column(rows, "Rationale");
    const i = rows.findIndex((r, n) => n > 0 && r[code] === "not_met");
    rows[i]![status] = "Partial";
    rows[i]![code] = "partial";
    rows[i]![rationale] = "Moved to a formal trial, which this reviewer reads as a partial step.";
    const published = await all("SELECT * FROM published_scores ORDER BY benchmark_id, round_id");
    const assessments = await all("SELECT * FROM assessments ORDER BY id");
    const summary = succeeded(await run(toCsv(rows)));
    expect(summary).toMatchObject({ assessmentsCreated: 1, alreadyPublished: rows.length - 2, differFromPublished: 1, atPublishedRounds: 1 });
    expect(await all("SELECT * FROM published_scores ORDER BY benchmark_id, round_id")).toEqual(published);
    const after = await all<{ reviewer_id: string; status: string }>("SELECT * FROM assessments ORDER BY id");
    expect(after.slice(0, assessments.length)).toEqual(assessments);
    expect(after.slice(assessments.length)).toEqual([expect.objectContaining({ reviewer_id: EDITOR.id, status: "partial" })]);
  });

  it("refuses rows whose round, benchmark or timing is wrong, with every line, and writes nothing", async () => {
    const before = await rowCounts();
    const result = await run(
      toCsv([
        ["Round", "Round ID", "Benchmark ID", "Benchmark", "Status code", "Rationale"],
        ["Human Rights Council, 40th session", "hrc-40", "liu-xia-travel", "Let Liu Xia travel abroad freely", "met", "A good row among bad ones."],
        ["", "hrc-99", "liu-xia-travel", "", "met", "There is no such round at all."],
        ["", "hrc-40", "no-such-benchmark", "", "met", "There is no such benchmark at all."],
        ["", "uschrd-2012-washington", "end-rsdl-import", "", "met", "Scored before the benchmark applies."],
        ["The 40th", "hrc-40", "end-rsdl-import", "Another title", "met", "Round name and title disagree."],
        ["", "hrc-40", "liu-xia-travel", "", "met", "The same benchmark and round twice."],
        ["", "hrc-37", "dialogue-held-regularly", "", "not_met", "Scored at a Council session, where it cannot be judged."],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 3, message: expect.stringMatching(/round ID “hrc-99” does not exist/) },
      { line: 4, message: expect.stringMatching(/benchmark ID “no-such-benchmark” does not exist: import it first from a benchmarks CSV/) },
      { line: 5, message: expect.stringMatching(/applies only from 2019-02-25, after 2012 US–China dialogue, Washington/) },
      { line: 6, message: expect.stringMatching(/called “Human Rights Council, 40th session” here, not “The 40th”.*its title is “End residential surveillance at a designated location”, the file says “Another title”/) },
      { line: 7, message: expect.stringMatching(/already scored for the round “hrc-40” on line 2/) },
      { line: 8, message: expect.stringMatching(/“dialogue-held-regularly” is not assessed at UN Human Rights Council rounds, so not at Human Rights Council, 37th session/) },
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("re-importing exports made while a name is withheld", () => {
  it("a text the export wrote with a confidential name withheld stands for the stored text: nothing is added", async () => {
    // A published rationale, a benchmark's title and a statement's title that name a person, who is then marked confidential.
    await rawRun(db, "UPDATE assessments SET rationale = rationale || ' Gao Yu shared his cell.' WHERE id = (SELECT assessment_id FROM published_scores WHERE benchmark_id = (SELECT id FROM benchmarks WHERE slug = 'release-pu-zhiqiang') ORDER BY round_id DESC LIMIT 1)");
    await rawRun(db, "UPDATE benchmarks SET title = title || ' (held with Gao Yu)' WHERE slug = 'release-pu-zhiqiang'");
    await rawRun(db, "UPDATE statements SET title = title || ' on Gao Yu' WHERE slug = 'rdn-2015-editorial'");
    await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE slug = 'gao-yu'");
    const scores = await exported("/exports/scores.csv");
    const benchmarks = await exported("/exports/benchmarks.csv");
    for (const csv of [scores, benchmarks]) {
      expect(csv).toContain("[name withheld]");
      expect(csv).not.toContain("Gao Yu");
    }
    const before = await rowCounts();
    expect(succeeded(await run(scores, "scores.csv"))).toMatchObject({ assessmentsCreated: 0, alreadyPublished: records(scores).length - 1 });
    expect(succeeded(await run(benchmarks, "benchmarks.csv"))).toMatchObject({ benchmarksCreated: [], benchmarksUnchanged: records(benchmarks).length - 1 });
    expect(await rowCounts()).toEqual({ ...before, audit_log: before.audit_log! + 2 });
  });
});
