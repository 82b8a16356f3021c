// Exports read back as a reader's software would: CSV parsed, XLSX opened, compared with the database.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/exports-test-${process.pid}-${Date.now()}.db`;
});

let sqlite: import("better-sqlite3").Database;
const CONFIDENTIAL_TITLE = "Release the confidential detainee (export test)";
const CONFIDENTIAL_TITLE_ZH = "释放保密被拘留者（导出测试）";

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  // A confidential benchmark, scored and published like any other: it must never be exported.
  const id = (q: string) => (sqlite.prepare(q).get() as { id: number }).id;
  const benchmarkId = sqlite
    .prepare("INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, confidential, review_state) VALUES ('secret-export', ?, ?, ?, 'chinese_government', ?, 1, 'approved')")
    .run(CONFIDENTIAL_TITLE, CONFIDENTIAL_TITLE_ZH, id("SELECT id FROM categories WHERE slug = 'legal-reform'"), id("SELECT id FROM rounds WHERE slug = 'hrc-37'")).lastInsertRowid;
  const roundId = id("SELECT id FROM rounds WHERE slug = 'hrc-37'");
  sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, (SELECT id FROM statements LIMIT 1), 'x', 'approved')").run(benchmarkId);
  const assessmentId = sqlite.prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, 'demo-reviewer-a', 'met', 'secret')").run(benchmarkId, roundId).lastInsertRowid;
  sqlite
    .prepare("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, 'demo-editor', '2026-01-01')")
    .run(benchmarkId, roundId, assessmentId);
});

const count = (q: string, ...params: unknown[]) => (sqlite.prepare(q).get(...params) as { n: number }).n;
const request = (path: string) => new Request(`http://localhost${path}`);

describe("CSV of scores", () => {
  it("has one row per published benchmark × round in view, a BOM, and Chinese names intact", async () => {
    const { GET } = await import("./scores.csv/route");
    const response = await GET(request("/exports/scores.csv?category=release-of-detained-people"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/dialogue-scorecard-scores-release-of-detained-people-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(
      count(
        `SELECT COUNT(*) AS n FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN categories c ON c.id = b.category_id
          JOIN rounds r ON r.id = ps.round_id WHERE c.slug = 'release-of-detained-people' AND b.confidential = 0 AND r.published_at IS NOT NULL`,
      ),
    );
    const liuXia = rows.find((r) => r["Benchmark ID"] === "release-liu-xia" && r["Round ID"] === "upr-china-2018")!;
    expect(liuXia).toMatchObject({ Status: "Met", "Status code": "met", People: "Liu Xia (刘霞)", "Demo data": "yes" });
    expect(liuXia["Raised by"]).toContain(" | ");
    expect(rows.every((r) => r.Category === "Release of detained people")).toBe(true);
  });

  it("never contains a confidential benchmark", async () => {
    const { GET } = await import("./scores.csv/route");
    const text = await (await GET(request("/exports/scores.csv"))).text();
    expect(text).not.toContain(CONFIDENTIAL_TITLE);
    expect(text).toContain("Release Gui Minhai");
  });

  it("refuses malformed or unknown filters with a 400 that names them", async () => {
    const { GET } = await import("./scores.csv/route");
    const response = await GET(request("/exports/scores.csv?category=no-such-thing&addressee=martians"));
    expect(response.status).toBe(400);
    const message = await response.text();
    expect(message).toContain("addressee");
    expect(message).toContain("no-such-thing");
  });
});

describe("XLSX of scores", () => {
  it("opens in a spreadsheet with the same rows and an About sheet naming version, filters and denominator", async () => {
    const { GET } = await import("./scores.xlsx/route");
    const response = await GET(request("/exports/scores.xlsx?track=upr"));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Scores")!;
    const expected = count(
      `SELECT COUNT(*) AS n FROM published_scores ps JOIN rounds r ON r.id = ps.round_id JOIN tracks t ON t.id = r.track_id
        JOIN benchmarks b ON b.id = ps.benchmark_id WHERE t.slug = 'upr' AND b.confidential = 0`,
    );
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe("Round");
    const about = workbook.getWorksheet("About")!;
    const aboutText = about.getSheetValues().flat().join(" ");
    expect(aboutText).toContain("track = upr");
    expect(aboutText).toContain("judged");
    const version = (sqlite.prepare("SELECT published_at AS v FROM rounds WHERE slug = 'upr-china-2018'").get() as { v: string }).v;
    expect(aboutText).toContain(version);
  });
});

describe("benchmark exports", () => {
  it("lists every public benchmark once, in CSV and XLSX alike", async () => {
    const csv = await (await (await import("./benchmarks.csv/route")).GET(request("/exports/benchmarks.csv"))).text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(count("SELECT COUNT(*) AS n FROM benchmarks WHERE confidential = 0"));
    expect(rows.map((r) => r.Benchmark)).not.toContain(CONFIDENTIAL_TITLE);
    const retired = rows.find((r) => r["Benchmark ID"] === "liu-xiaobo-contact")!;
    expect(retired["Retired on"]).toBe("2017-07-13");

    const response = await (await import("./benchmarks.xlsx/route")).GET(request("/exports/benchmarks.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Benchmarks")!.rowCount).toBe(rows.length + 1);
  });
});

describe("exports in Chinese (?lang=zh)", () => {
  it("gives a CSV of scores Chinese headers, status words and titles, the English where no Chinese was written", async () => {
    const { GET } = await import("./scores.csv/route");
    const response = await GET(request("/exports/scores.csv?category=release-of-detained-people&lang=zh"));
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["轮次", "轮次标识", "基准", "基准标识", "类别", "状态", "状态代码", "理由", "提出者"]));
    expect(Object.keys(rows[0]!)).not.toContain("Benchmark");
    const liuXia = rows.find((r) => r["基准标识"] === "release-liu-xia" && r["轮次标识"] === "upr-china-2018")!;
    expect(liuXia).toMatchObject({ 基准: "解除对刘霞的软禁", 轮次: "2018年中国普遍定期审议", 类别: "释放被拘押者", 状态: "已落实", 状态代码: "met", 对象: "中国政府", 演示数据: "是" });
    // No statement has a Chinese title in the seed: the English ones stand in.
    const firstSource = sqlite.prepare("SELECT s.title AS t FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id WHERE bs.benchmark_id = (SELECT id FROM benchmarks WHERE slug = 'release-liu-xia') ORDER BY s.date LIMIT 1").get() as { t: string };
    expect(liuXia["提出者"]).toContain(firstSource.t);
  });

  it("gives a statement's Chinese title in the sources where one was written", async () => {
    const slug = (sqlite.prepare("SELECT s.slug AS slug FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id WHERE bs.benchmark_id = (SELECT id FROM benchmarks WHERE slug = 'release-gui-minhai') LIMIT 1").get() as { slug: string }).slug;
    sqlite.prepare("UPDATE statements SET title_zh = '一封中文标题的信（导出测试）' WHERE slug = ?").run(slug);
    try {
      const csv = await (await (await import("./benchmarks.csv/route")).GET(request("/exports/benchmarks.csv?lang=zh"))).text();
      const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      const gui = rows.find((r) => r["基准标识"] === "release-gui-minhai")!;
      expect(gui["基准"]).toBe("释放桂民海");
      expect(gui["提出者"]).toContain("一封中文标题的信（导出测试）");
      const english = parse(await (await (await import("./benchmarks.csv/route")).GET(request("/exports/benchmarks.csv"))).text(), { bom: true, columns: true }) as Record<string, string>[];
      expect(english.find((r) => r["Benchmark ID"] === "release-gui-minhai")!["Raised by"]).not.toContain("一封中文标题的信");
    } finally {
      sqlite.prepare("UPDATE statements SET title_zh = NULL WHERE slug = ?").run(slug);
    }
  });

  it("never contains a confidential benchmark, in either of its titles", async () => {
    for (const path of ["/exports/scores.csv?lang=zh", "/exports/benchmarks.csv?lang=zh"]) {
      const route = path.startsWith("/exports/scores") ? await import("./scores.csv/route") : await import("./benchmarks.csv/route");
      const text = await (await route.GET(request(path))).text();
      expect(text).not.toContain(CONFIDENTIAL_TITLE_ZH);
      expect(text).not.toContain(CONFIDENTIAL_TITLE);
      expect(text).toContain("释放桂民海");
    }
  });

  it("opens as XLSX with Chinese headers and the same rows as in English", async () => {
    const load = async (path: string) => {
      const response = await (await import("./scores.xlsx/route")).GET(request(path));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      return workbook.getWorksheet("Scores")!;
    };
    const [zh, en] = await Promise.all([load("/exports/scores.xlsx?track=upr&lang=zh"), load("/exports/scores.xlsx?track=upr")]);
    expect(zh.getRow(1).getCell(1).value).toBe("轮次");
    expect(zh.rowCount).toBe(en.rowCount);
  });

  it("refuses another language, exporting nothing", async () => {
    const response = await (await import("./scores.csv/route")).GET(request("/exports/scores.csv?lang=fr"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("lang: use en or zh");
  });
});
