import { describe, expect, it } from "vitest";
import { readImportCsv } from "./csv";

const BENCHMARK_HEADER = "Benchmark,Benchmark ID,Category,Addressed to,Applies from,Retired on,Why retired,Raised by,People,Laws and practices";
const SCORE_HEADER =
  "Round,Round ID,Round start,Track,Benchmark,Benchmark ID,Category,Addressed to,Status,Status code,Published on,Rationale,Evidence,Raised by,People,Laws and practices,Demo data,Data version (published at)";
const benchmarkRow = (slug: string, title = `Release ${slug}`) => `${title},${slug},Release of detained people,Chinese government,hrc-37,,,,,`;
const scoreRow = (slug: string, rationale = "Still held at the end of the session.") =>
  `"Human Rights Council, 37th session",hrc-37,2018-02-26,UN Human Rights Council,Release X,${slug},Release of detained people,Chinese government,Not met,not_met,Reviewers' agreement,"${rationale}",Report <https://example.org/r>,,,,no,2026-01-01`;

function problemsOf(text: string) {
  const read = readImportCsv(text);
  return read.problems;
}

describe("readImportCsv: good files", () => {
  it("reads a benchmarks file, telling the kind from the header", () => {
    const read = readImportCsv([BENCHMARK_HEADER, benchmarkRow("a"), benchmarkRow("b")].join("\n"));
    expect(read).toMatchObject({ ok: true, kind: "benchmarks", problems: [] });
    if (!read.ok || read.kind !== "benchmarks") throw new Error("expected benchmarks");
    expect(read.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(read.rows[0]!.row).toEqual({
      slug: "a",
      title: "Release a",
      category: "Release of detained people",
      addressee: "chinese_government",
      appliesFrom: "hrc-37",
      retiredOn: null,
      retiredReason: null,
      sources: [],
      people: [],
      laws: [],
    });
  });

  it("reads where a benchmark is assessed: the tracks named, or every track for “All tracks” or an empty cell", () => {
    const header = `${BENCHMARK_HEADER},Assessed at`;
    const read = readImportCsv([header, `${benchmarkRow("a")},US–China Human Rights Dialogue | upr`, `${benchmarkRow("b")},All tracks`, `${benchmarkRow("c")},`].join("\n"));
    if (!read.ok || read.kind !== "benchmarks") throw new Error(JSON.stringify(read));
    expect(read.rows.map((r) => r.row.assessedAt)).toEqual([["US–China Human Rights Dialogue", "upr"], [], []]);
    const without = readImportCsv([BENCHMARK_HEADER, benchmarkRow("d")].join("\n"));
    if (!without.ok || without.kind !== "benchmarks") throw new Error(JSON.stringify(without));
    expect(without.rows[0]!.row.assessedAt).toBeUndefined();
  });

  it("reads a scores file with its status, evidence links and demo flag", () => {
    const read = readImportCsv([SCORE_HEADER, scoreRow("a")].join("\n"));
    if (!read.ok || read.kind !== "scores") throw new Error(JSON.stringify(read));
    expect(read.rows[0]!.row).toMatchObject({
      roundSlug: "hrc-37",
      roundName: "Human Rights Council, 37th session",
      roundStart: "2018-02-26",
      status: "not_met",
      rationale: "Still held at the end of the session.",
      evidence: [{ title: "Report", url: "https://example.org/r" }],
      demo: false,
      benchmark: { slug: "a", title: "Release X", addressee: "chinese_government", sources: [], people: [], laws: [] },
    });
  });

  it("ignores a byte-order mark, Windows line ends and blank lines", () => {
    const read = readImportCsv(`\uFEFF${BENCHMARK_HEADER}\r\n\r\n${benchmarkRow("a")}\r\n${benchmarkRow("b")}\r\n`);
    expect(read.ok && read.rows.map((r) => r.line)).toEqual([3, 4]);
  });

  it("counts lines inside quoted multi-line cells, so each row gets the line it starts on", () => {
    const text = [SCORE_HEADER, scoreRow("a", "First line.\nSecond line.\nThird line."), scoreRow("b"), scoreRow("c", "One line,\r\nand another.")].join("\r\n");
    const read = readImportCsv(text);
    if (!read.ok || read.kind !== "scores") throw new Error(JSON.stringify(read));
    expect(read.rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(read.rows[0]!.row.rationale).toBe("First line.\nSecond line.\nThird line.");
  });

  it("accepts headers in any case, and the export's column keys", () => {
    const read = readImportCsv(["round_id,BENCHMARK ID,status_code,rationale", "hrc-37,a,met,Released on bail before the session."].join("\n"));
    expect(read).toMatchObject({ ok: true, kind: "scores", problems: [] });
  });
});

describe("readImportCsv: bad rows give their line and reason", () => {
  it.each([
    ["a benchmark ID that is not a slug", benchmarkRow("Not A Slug"), /benchmark ID must be lower-case/],
    ["an unknown addressee", "T,a,Release of detained people,Martians,hrc-37,,,,,", /“Martians” is not one of: Chinese government/],
    ["an empty title", ",a,Release of detained people,Chinese government,hrc-37,,,,,", /title is empty/],
    ["a retirement date that is not a date", "T,a,Release of detained people,Chinese government,hrc-37,soon,Died,,,", /Retired on must be a date/],
    ["a retirement without a reason", "T,a,Release of detained people,Chinese government,hrc-37,2019-01-01,,,,", /needs the reason/],
    ["a missing cell", "T,a,Release of detained people", /has 3 cells; the header has 10/],
  ])("benchmarks: %s", (_label, row, message) => {
    const problems = problemsOf([BENCHMARK_HEADER, benchmarkRow("good"), row].join("\n"));
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(message) }]);
  });

  it.each([
    ["an unknown status", (r: string) => r.replace("not_met", "excellent"), /“excellent” is not a status/],
    ["a status that disagrees with its code", (r: string) => r.replace("Not met", "Met"), /“Met” and the status code “not_met” disagree/],
    ["a short rationale", (r: string) => r.replace("Still held at the end of the session.", "no"), /at least 10 characters/],
    ["a javascript: evidence link", (r: string) => r.replace("https://example.org/r", "javascript:alert(1)"), /Evidence 1: Use a full http/],
    ["evidence without a link", (r: string) => r.replace("Report <https://example.org/r>", "Just a title"), /Evidence 1 must look like/],
    ["a round start that is not a date", (r: string) => r.replace("2018-02-26", "26/02/2018"), /Round start must be a date/],
    ["a demo flag that is not yes or no", (r: string) => r.replace(",no,2026", ",maybe,2026"), /Demo data must be yes or no/],
  ])("scores: %s", (_label, edit, message) => {
    const problems = problemsOf([SCORE_HEADER, scoreRow("good"), edit(scoreRow("bad"))].join("\n"));
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(message) }]);
  });

  it("collects every bad row, not just the first", () => {
    const problems = problemsOf([BENCHMARK_HEADER, benchmarkRow("Bad 1"), benchmarkRow("ok"), benchmarkRow("Bad 2"), "x"].join("\n"));
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5]);
  });

  it("gives the starting line of a bad row that follows a multi-line cell", () => {
    const problems = problemsOf([SCORE_HEADER, scoreRow("a", "Line one.\nLine two.\nLine three."), scoreRow("b", "short")].join("\n"));
    expect(problems).toEqual([{ line: 5, message: expect.stringMatching(/at least 10 characters/) }]);
  });
});

describe("readImportCsv: files it cannot read", () => {
  it.each([
    ["an empty file", "", 1, /file is empty/],
    ["a header without rows", `${BENCHMARK_HEADER}\n`, 2, /header but no rows/],
    ["a header of neither export", "Name,Email\nA,b@example.org", 1, /neither that of a scores CSV/],
    ["a column the export does not have", `${BENCHMARK_HEADER},Colour\n${benchmarkRow("a")},red`, 1, /Column 11 \(“Colour”\) is not a column of the benchmarks CSV/],
    ["a required column left out", "Benchmark ID,Applies from\na,hrc-37", 1, /needs the columns “Benchmark”, “Category”, “Addressed to”/],
    ["a column given twice", `${BENCHMARK_HEADER},Category\n${benchmarkRow("a")},x`, 1, /“Category” appears twice/],
    ["a quote that is never closed", `${BENCHMARK_HEADER}\n${benchmarkRow("a")}\n"open,${benchmarkRow("b")}`, 3, /not valid CSV here: Quote Not Closed/],
  ])("%s", (_label, text, line, message) => {
    const read = readImportCsv(text);
    expect(read.ok).toBe(false);
    expect(read.problems[0]).toEqual({ line, message: expect.stringMatching(message) });
  });
});
