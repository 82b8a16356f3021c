// The two PDFs asked for in Chinese (?lang=zh; /zh/exports/… is rewritten to it by proxy.ts), read back
// with pdftotext: Chinese headings, labels, status words, dates and page numbers; the Chinese titles
// where written; no interface text from the English catalogue; a long Chinese title wrapped inside
// its cell and whole; and a confidential person's Chinese name nowhere.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/pdf-zh-test-${process.pid}-${Date.now()}.db`;
});

const TMP = process.env.TMPDIR ?? "/tmp";
let sqlite: import("better-sqlite3").Database;

/**
 * A confidential person with a Chinese name: linked to a benchmark of their own (which therefore stays out
 * of every export), and named in a public benchmark's Chinese title, where the name must be withheld.
 */
const SECRET = { name: "Hidden Zhperson", nameZh: "秘密证人乙" };
const LONG_TITLE = "立即无条件释放许志永并撤销对他的一切指控同时停止以寻衅滋事和颠覆国家政权罪名任意拘留和平表达意见的公民社会人士";

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  const id = (q: string) => (sqlite.prepare(q).get() as { id: number }).id;
  const personId = sqlite
    .prepare("INSERT INTO subjects (slug, kind, name, name_zh, role, description, confidential) VALUES ('secret-person-zh-pdf', 'person', ?, ?, 'x', '', 1)")
    .run(SECRET.name, SECRET.nameZh).lastInsertRowid;
  const roundId = id("SELECT id FROM rounds WHERE slug = 'upr-china-2018'");
  const own = sqlite
    .prepare("INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, review_state) VALUES ('release-secret-zh', 'Release the hidden witness', ?, ?, 'chinese_government', ?, 'approved')")
    .run(`释放${SECRET.nameZh}`, id("SELECT id FROM categories WHERE slug = 'release-of-detained-people'"), roundId).lastInsertRowid;
  sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, (SELECT id FROM statements LIMIT 1), 'x', 'approved')").run(own);
  sqlite.prepare("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)").run(own, personId);
  sqlite.prepare("UPDATE benchmarks SET title_zh = title_zh || '（另见' || ? || '）' WHERE slug = 'release-gui-minhai'").run(SECRET.nameZh);
  // A Chinese title much longer than the benchmark column is wide.
  sqlite.prepare("UPDATE benchmarks SET title_zh = ? WHERE slug = 'release-xu-zhiyong'").run(LONG_TITLE);
  const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
  await refreshPublishedAggregates(getDb());
});

async function pdf(kind: "scorecard" | "brief", query: string): Promise<{ text: string; bytes: Buffer; file: string; pages: number }> {
  const { GET } = kind === "brief" ? await import("./scorecard-brief.pdf/route") : await import("./scorecard.pdf/route");
  const response = await GET(new Request(`http://localhost/exports/${kind === "brief" ? "scorecard-brief" : "scorecard"}.pdf${query}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = `${TMP}/zh-${kind}-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`;
  writeFileSync(file, bytes);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return { text, bytes, file, pages };
}

const flatten = (text: string) => text.replace(/\s+/g, " ");
/** Chinese text has no spaces between words: a line break inside it reads as nothing. */
const joined = (text: string) => text.replace(/\s+/g, "");

type Catalogue = { [key: string]: string | Catalogue };
const messages = (catalogue: Catalogue): string[] => Object.values(catalogue).flatMap((v) => (typeof v === "string" ? [v] : messages(v)));
/** A message's words between its arguments ("{up} up, {down} down between {from} and {to}." → "up,", "down between", "and"). */
function fragments(message: string): string[] {
  let depth = 0;
  let text = "";
  const out: string[] = [];
  for (const char of message) {
    if (char === "{") {
      if (depth === 0) out.push(text);
      text = depth === 0 ? "" : text;
      depth++;
    } else if (char === "}") depth--;
    else if (depth === 0) text += char;
  }
  out.push(text);
  return out.map((f) => f.replace(/\s+/g, " ").trim()).filter((f) => /[A-Za-z]{2}/.test(f));
}
const PDF_CATALOGUES = [en.pdf, en.status] as Catalogue[];
const CHINESE_FRAGMENTS = new Set(messages(zh as unknown as Catalogue).flatMap(fragments));
const ENGLISH_FRAGMENTS = [...new Set(PDF_CATALOGUES.flatMap(messages).flatMap(fragments))].filter((f) => !CHINESE_FRAGMENTS.has(f));

/**
 * The English interface in a PDF's text: fragments of the PDF's English messages, as whole words. Content is
 * shown as written (the seed's rationales, evidence and statement titles are English): a fragment that also
 * occurs in the content ("public record") tells nothing, and a one-word fragment counts only alone on a line.
 */
function englishInterfaceText(text: string, content: string): string[] {
  const lines = text.split("\n").map((l) => l.trim());
  const flat = flatten(text);
  const words = (f: string) => new RegExp(`(^|[^A-Za-z])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^A-Za-z]|$)`);
  return ENGLISH_FRAGMENTS.filter((f) => !words(f).test(content)).filter((f) => (f.includes(" ") ? words(f).test(flat) : lines.includes(f)));
}

/** Every public text the PDFs show as written: rationales, evidence and statement titles. */
async function content(): Promise<string> {
  const rows = sqlite
    .prepare(
      `SELECT a.rationale AS t FROM published_scores ps JOIN assessments a ON a.id = ps.assessment_id
       UNION ALL SELECT title FROM published_evidence UNION ALL SELECT title FROM statements`,
    )
    .all() as Array<{ t: string | null }>;
  return flatten(rows.map((r) => r.t ?? "").join(" \n "));
}

describe("the full scorecard in Chinese", () => {
  it("has Chinese headings, labels, status words, filters in words, dates and page numbers", async () => {
    const { text, pages } = await pdf("scorecard", "?round=upr-china-2018&track=upr&lang=zh");
    const compared = await pdf("scorecard", "?round=upr-china-2018&lang=zh");
    expect(joined(compared.text)).toMatch(/与人权理事会第37届会议相比的变化在人权理事会第37届会议与.+之间，\d+项上升，\d+项下降。/);
    const flat = flatten(text);
    const round = sqlite.prepare("SELECT r.name_zh AS name, r.published_at AS version, t.name_zh AS track FROM rounds r JOIN tracks t ON t.id = r.track_id WHERE r.slug = 'upr-china-2018'").get() as {
      name: string;
      version: string;
      track: string;
    };
    expect(round.name).toMatch(/[\u4E00-\u9FFF]/u);
    for (const heading of ["对话记分卡", `要点：${round.name}`, "方法简述", "逐轮查看各项基准", "基准"]) expect(joined(text)).toContain(joined(heading));
    const [year, month, day] = round.version.slice(0, 10).split("-").map(Number);
    expect(flat).toContain(`发布于 ${year}年${month}月${day}日 ${round.version.slice(11, 16)}（UTC）`);
    expect(joined(text)).toContain(joined(`筛选：轮次：${round.name}；议程：${round.track}`));
    for (const status of Object.values(zh.status)) expect(text).toContain(status);
    expect(text).toContain("履行指数");
    expect(text).toContain("覆盖率");
    expect(flat).toMatch(new RegExp(`第 1 页，共 ${pages} 页`));
    expect(flat).toContain("演示数据");
    expect(joined(text)).toMatch(/指数基于在.+适用的\d+项基准中已评定的\d+项/);
  }, 60_000);

  it("names in Chinese the release each PDF was made from, in the title block and every page's footer", async () => {
    const release = sqlite.prepare("SELECT number, published_at AS at FROM releases ORDER BY number DESC LIMIT 1").get() as { number: number; at: string };
    for (const kind of ["scorecard", "brief"] as const) {
      const { text, pages } = await pdf(kind, "?round=upr-china-2018&lang=zh");
      const flat = flatten(text);
      expect(joined(text), kind).toContain(joined(`发布：第 ${release.number} 号，发布于 ${release.at.slice(0, 16).replace("T", " ")}（UTC）`));
      expect(joined(text), kind).toContain(joined(`/releases/${release.number}，此版本在该地址始终可以取回`));
      const footers = flat.match(new RegExp(`第 ${release.number} 号发布 · 数据版本`, "g")) ?? [];
      expect(footers.length, kind).toBe(pages);
    }
  }, 60_000);

  it("shows the Chinese titles and the category names where written, and the people with the Chinese name first", async () => {
    const { text } = await pdf("scorecard", "?round=upr-china-2018&lang=zh");
    const titles = sqlite
      .prepare("SELECT b.title_zh AS title FROM benchmarks b WHERE b.slug IN ('release-tashi-wangchuk', 'release-ilham-tohti') AND b.title_zh IS NOT NULL")
      .all() as Array<{ title: string }>;
    expect(titles.length).toBeGreaterThan(0);
    for (const { title } of titles) expect(joined(text)).toContain(joined(title));
    const category = (sqlite.prepare("SELECT name_zh AS n FROM categories WHERE slug = 'release-of-detained-people'").get() as { n: string }).n;
    expect(joined(text)).toContain(joined(category));
    expect(joined(text)).toContain("人物与法律：扎西文色TashiWangchuk");
  }, 60_000);

  it("holds no interface text from the English catalogue, which the English scorecard of the same view is full of", async () => {
    const chinese = await pdf("scorecard", "?from=hrc-37&to=upr-china-2018&lang=zh");
    expect(englishInterfaceText(chinese.text, await content())).toEqual([]);
    const english = await pdf("scorecard", "?from=hrc-37&to=upr-china-2018");
    expect(englishInterfaceText(english.text, await content())).toEqual(expect.arrayContaining(["Method in brief", "Benchmarks by round", "Fulfilment index by round"]));
  }, 120_000);

  it("wraps a long Chinese title over several lines inside its cell and keeps it whole", async () => {
    const { file } = await pdf("scorecard", "?round=upr-china-2018&subject=xu-zhiyong&lang=zh");
    // The table begins on the page after the title block, headline figures and legend (scorecard-layout.ts).
    const lines = titleLines(file, 2);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // The benchmark column is 40% of the 523 pt between the 36 pt margins: it ends at 245 pt.
    for (const line of lines) {
      expect(line.xMin).toBeGreaterThanOrEqual(35);
      expect(line.xMax, line.text).toBeLessThanOrEqual(36 + 0.4 * 523 + 1);
    }
    expect(lines.map((l) => l.text).join("")).toBe(LONG_TITLE);
  }, 60_000);
});

describe("the brief in Chinese", () => {
  it("fits two pages with Chinese headings, the people's cases and the method", async () => {
    const { text, pages } = await pdf("brief", "?round=upr-china-2018&lang=zh");
    expect(pages).toBeLessThanOrEqual(2);
    for (const heading of ["对话记分卡——简报", "所涉人物", "方法三句话", "人物", "诉求", "较上一轮次"]) expect(joined(text)).toContain(joined(heading));
    expect(joined(text)).toMatch(/扎西文色TashiWangchuk释放扎西文色倒退▼原为未落实/);
    expect(flatten(text)).toMatch(new RegExp(`第 1 页，共 ${pages} 页`));
    expect(englishInterfaceText(text, await content())).toEqual([]);
  }, 60_000);

  it("wraps the long Chinese title inside the demand column", async () => {
    const { file } = await pdf("brief", "?round=upr-china-2018&subject=xu-zhiyong&lang=zh");
    const lines = titleLines(file, 1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // The demand column: from 27% to 72% of the 523 pt text width.
    for (const line of lines) expect(line.xMax, line.text).toBeLessThanOrEqual(36 + 0.72 * 523 + 1);
    expect(lines.map((l) => l.text).join("")).toContain(LONG_TITLE);
  }, 60_000);
});

describe("confidentiality in Chinese", () => {
  it("never shows a confidential person's Chinese name, in either PDF of any view", async () => {
    for (const [kind, query] of [
      ["scorecard", "?lang=zh"],
      ["scorecard", "?round=upr-china-2018&lang=zh"],
      ["brief", "?lang=zh"],
      ["brief", "?round=upr-china-2018&subject=liu-xia&lang=zh"],
    ] as const) {
      const { text, bytes } = await pdf(kind, query);
      expect(joined(text), `${kind}${query}`).toContain("刘霞");
      for (const secret of [SECRET.nameZh, SECRET.name, "释放秘密", "withheld"]) {
        expect(joined(text), `${kind}${query}`).not.toContain(joined(secret));
        expect(bytes.toString("latin1")).not.toContain(secret);
      }
    }
  }, 120_000);

  it("marks a withheld name in Chinese where a public Chinese title named the person", async () => {
    const { text } = await pdf("scorecard", "?round=upr-china-2018&lang=zh");
    const title = (sqlite.prepare("SELECT title_zh AS t FROM benchmarks WHERE slug = 'release-gui-minhai'").get() as { t: string }).t;
    expect(joined(text)).toContain(joined(title.replace(SECRET.nameZh, "［姓名已隐去］")));
  }, 60_000);
});

/** The lines pdftotext finds on a page holding pieces of the long title, in reading order, with their left and right edges. */
function titleLines(file: string, page: number): Array<{ text: string; xMin: number; xMax: number }> {
  const html = execFileSync("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)]
    .map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: [...m[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join("") }))
    .filter((l) => l.text.length >= 2 && LONG_TITLE.includes(l.text));
}
