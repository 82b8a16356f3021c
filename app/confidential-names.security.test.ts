// A person of the seed marked confidential by an editor, the way the workspace does it: their own page
// and the benchmarks about them go, and so must their names wherever a public text mentions them —
// the 2015 editorial's summary lists "Gao Yu, Wang Bingzhang …" (before the fix its statement page and
// the statements API showed it so). Every read-API answer and every export is read whole, the
// statement page's data too; a text written after the marking is caught as well. The editor's list
// of those texts and the choices on it (keep the name withheld, hide the record) are checked here too.
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/server/auth/guard";
import type { SessionUser } from "@/server/auth/session";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { NAME_WITHHELD } from "@/lib/redaction";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/confidential-names-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };
/** Gao Yu in any case and spacing, her address form, and her Chinese name with or without a space. */
const GAO_YU = /gao[\s\p{Pd}_]*yu(?![a-z])|高\s*瑜/iu;

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
type Handler = (request: Request) => Response | Promise<Response>;
let sqlite: import("better-sqlite3").Database;
let getDb: typeof import("@/db/client").getDb;
let marking: ActionState;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

async function referenceAction(name: string): Promise<Action> {
  return ((await import("./[locale]/(workspace)/editor/reference-actions")) as unknown as Record<string, Action>)[name]!;
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  ({ getDb } = await import("@/db/client"));
  sqlite = getDb().$client;
  // Before the marking her name is public: the test reads texts that really name her.
  expect(sqlite.prepare("SELECT summary FROM statements WHERE slug = 'rdn-2015-editorial'").pluck().get()).toMatch(GAO_YU);
  session.user = EDITOR;
  marking = await (await referenceAction("setConfidentiality"))(null, form({ target: "subject:gao-yu", confidential: "yes" }));
  expect(marking.ok).toBe(true);
});

/** A response as a reader's software sees it: XLSX cells and PDF text included. */
async function readable(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes("spreadsheetml")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    return cells.join("\n");
  }
  if (type.includes("pdf")) {
    const parser = new PDFParse({ data: bytes });
    const text = (await parser.getText()).text;
    await parser.destroy();
    return text;
  }
  return bytes.toString("utf8");
}

async function api(name: string, query = ""): Promise<string> {
  const { GET } = (await import(`./api/v1/${name}/route`)) as { GET: Handler };
  const response = await GET(new Request(`http://localhost/api/v1/${name}${query}`));
  expect(response.status, `${name}${query}`).toBe(200);
  return response.text();
}

describe("after Gao Yu is marked confidential", () => {
  it("the editor is told what the marking does and does not do, and how many public texts named her", async () => {
    expect(marking.message).not.toMatch(/no longer appears on any public page/);
    expect(marking.message).toContain(NAME_WITHHELD);
    expect(marking.message).toMatch(/\d+ public texts? named? (it|them)/);
    expect(marking.message).toMatch(/does not/);
  });

  it.each(Object.keys(ENDPOINTS))("/api/v1/%s, every page, names her nowhere", async (name) => {
    const paged = "page" in ENDPOINTS[name as keyof typeof ENDPOINTS].query.shape;
    for (let page = 1; ; page++) {
      const text = await api(name, paged ? `?pageSize=500&page=${page}` : "");
      expect(text).not.toMatch(GAO_YU);
      const body = JSON.parse(text) as { total?: number };
      if (!paged || page * 500 >= (body.total ?? 0)) break;
    }
  });

  it("every Atom feed — all, each track, round, benchmark, person and law — names her nowhere", async () => {
    const { GET } = await import("./feeds/[...path]/route");
    const slugs = (query: string) => (sqlite.prepare(query).all() as Array<{ slug: string }>).map((r) => r.slug);
    const paths = [
      "changes.atom",
      ...slugs("SELECT slug FROM tracks").map((s) => `tracks/${s}.atom`),
      ...slugs("SELECT slug FROM rounds").map((s) => `rounds/${s}.atom`),
      ...slugs("SELECT slug FROM benchmarks").map((s) => `benchmarks/${s}.atom`),
      ...slugs("SELECT slug FROM subjects WHERE kind = 'person'").map((s) => `people/${s}.atom`),
      ...slugs("SELECT slug FROM subjects WHERE kind <> 'person'").map((s) => `laws/${s}.atom`),
    ];
    for (const path of paths) {
      const response = await GET(new Request(`http://localhost/feeds/${path}`), { params: Promise.resolve({ path: path.split("/") }) });
      expect(await response.text(), path).not.toMatch(GAO_YU);
    }
  }, 120_000);

  it("the statements API shows the editorial's summary with her name withheld, the rest intact", async () => {
    const { data } = JSON.parse(await api("statements", "?pageSize=500")) as { data: Array<{ slug: string; summary: string }> };
    const summary = data.find((s) => s.slug === "rdn-2015-editorial")!.summary;
    expect(summary).toContain(`(${NAME_WITHHELD}, Wang Bingzhang, Chen Xi, Zhu Yufu)`);
  });

  it("a search for her name finds no person whose text named her", async () => {
    for (const q of ["Gao Yu", "gao", "高瑜"]) {
      const { data } = JSON.parse(await api("people", `?q=${encodeURIComponent(q)}`)) as { data: unknown[] };
      expect(data, q).toEqual([]);
    }
  });

  it.each([
    ["scores.csv", ""],
    ["scores.csv", "?statement=rdn-2015-editorial"],
    ["benchmarks.csv", ""],
    ["scores.xlsx", ""],
    ["benchmarks.xlsx", "?statement=rdn-2015-editorial"],
    ["scorecard.pdf", "?statement=rdn-2015-editorial"],
    ["scorecard.pdf", "?round=hrc-31"],
    ["scorecard-brief.pdf", "?statement=rdn-2015-editorial"],
    ["scorecard-brief.pdf", "?round=hrc-31"],
    ["scorecard.pdf", "?statement=rdn-2015-editorial&lang=zh"],
    ["scorecard-brief.pdf", "?round=hrc-31&lang=zh"],
  ])("the export %s%s names her nowhere", async (name, query) => {
    const { GET } = (await import(`./exports/${name}/route`)) as { GET: Handler };
    const response = await GET(new Request(`http://localhost/exports/${name}${query}`));
    expect(response.status).toBe(200);
    const text = await readable(response);
    expect(text.length).toBeGreaterThan(500);
    expect(text).not.toMatch(GAO_YU);
  }, 90_000);

  it("the statement page's data names her nowhere: title, summary, signatories, sources, benchmarks", async () => {
    const { getStatement, listSignatories, listPublishers } = await import("@/db/queries/statements");
    const { getDashboardSummary } = await import("@/db/queries/dashboard-summary");
    const { getDb } = await import("@/db/client");
    const { listBenchmarkSources } = await import("@/db/queries/benchmarks");
    const statement = (await getStatement(getDb(), "rdn-2015-editorial"))!;
    const matrix = await getDashboardSummary(getDb(), { statement: statement.slug }, { heatMapLimit: 500 });
    const ids = matrix.heatMap.flatMap((g) => g.rows.map((r) => r.benchmark.id));
    expect(ids.length).toBeGreaterThan(0);
    const everything = JSON.stringify([statement, await listSignatories(getDb(), statement.id), await listPublishers(getDb(), [statement.id]), matrix, await listBenchmarkSources(getDb(), ids)]);
    expect(everything).toContain(NAME_WITHHELD);
    expect(everything).not.toMatch(GAO_YU);
  });

  it("the workspace keeps the stored text as it was", async () => {
    expect(sqlite.prepare("SELECT summary FROM statements WHERE slug = 'rdn-2015-editorial'").pluck().get()).toMatch(GAO_YU);
  });

  it("a text written after the marking is withheld as well, and the editor's list shows it as not reviewed", async () => {
    const event = await (await referenceAction("createSubjectEvent"))(
      null,
      form({ subjectSlug: "wu-gan", kind: "other", occurredOn: "2019-05-01", datePrecision: "month", description: "Shared a cell with GAO  yu, 高 瑜.", sourceUrl: "" }),
    );
    expect(event.ok).toBe(true);
    const text = await api("people", "?pageSize=500");
    expect(text).toContain(`Shared a cell with ${NAME_WITHHELD}, ${NAME_WITHHELD}.`);
    expect(text).not.toMatch(GAO_YU);
    const { listConfidentialNameMatches } = await import("@/db/queries/confidential-texts");
    const match = (await listConfidentialNameMatches(getDb())).matches.find((m) => m.record.kind === "subject_event" && m.excerpt.after.includes("高 瑜"));
    expect(match).toMatchObject({ field: "description", excerpt: { match: "GAO  yu" }, review: null, withheld: false });
  });
});

describe("the editor's list of public texts that name a confidential item", () => {
  it("names each record and field, with the text around the name and whose name it is", async () => {
    const { listConfidentialNameMatches } = await import("@/db/queries/confidential-texts");
    const { items, matches } = await listConfidentialNameMatches(getDb());
    expect(items.find((i) => i.slug === "gao-yu")).toMatchObject({ kind: "person", names: ["Gao Yu", "高瑜"] });
    const summary = matches.find((m) => m.record.kind === "statement" && m.field === "summary" && m.record.href === "/statements/rdn-2015-editorial");
    expect(summary).toMatchObject({ item: { slug: "gao-yu" }, excerpt: { match: "Gao Yu" }, hideable: true });
    expect(summary!.excerpt.after).toContain("Wang Bingzhang");
    expect(matches.find((m) => m.record.kind === "subject_event")).toMatchObject({ record: { href: "/people/wu-gan" }, hideable: true });
    // Nothing hidden or confidential is listed: her own benchmark and events are not public texts.
    expect(matches.some((m) => m.record.href === "/benchmarks/medical-parole-gao-yu")).toBe(false);
  });

  it("an editor keeps the name withheld in one text and hides another record; both are audited and the list shows it", async () => {
    const { listConfidentialNameMatches } = await import("@/db/queries/confidential-texts");
    const decide = ((await import("./[locale]/(workspace)/editor/redaction-actions")) as unknown as Record<string, Action>).decideRedaction!;
    const before = (await listConfidentialNameMatches(getDb())).matches;
    const summary = before.find((m) => m.record.href === "/statements/rdn-2015-editorial" && m.field === "summary")!;
    const event = before.find((m) => m.record.kind === "subject_event")!;
    const audits = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'redaction.%'").pluck().get() as number;
    const audited = audits();

    session.user = EDITOR;
    expect(await decide(null, form({ record: summary.record.key, field: "summary", decision: "redact" }))).toMatchObject({ ok: true });
    expect(await decide(null, form({ record: event.record.key, field: "description", decision: "hide" }))).toMatchObject({ ok: true });
    expect(audits()).toBe(audited + 2);
    const last = sqlite.prepare("SELECT action, before, after FROM audit_log ORDER BY id DESC LIMIT 1").get() as { action: string; before: string; after: string };
    expect(last.action).toBe("redaction.hide");
    expect(JSON.parse(last.before)).toMatchObject({ withheld: false });
    expect(JSON.parse(last.after)).toMatchObject({ withheld: true, decision: "hide" });

    const after = await listConfidentialNameMatches(getDb());
    expect(after.matches.find((m) => m.record.key === summary.record.key && m.field === "summary")!.review).toMatchObject({ decision: "redact", changedSince: false });
    expect(after.matches.find((m) => m.record.key === event.record.key)).toMatchObject({ withheld: true });
    expect(after.hidden.map((h) => h.key)).toContain(event.record.key);

    // The hidden event is gone from the public person it belonged to; the stored row stays.
    expect(await api("people", "?pageSize=500")).not.toContain("Shared a cell with");
    expect(sqlite.prepare("SELECT count(*) FROM subject_events WHERE withheld = 1 AND description LIKE 'Shared a cell with%'").pluck().get()).toBe(1);
  });

  it("a reviewer cannot decide, and a text that names no confidential item cannot be marked as reviewed", async () => {
    const decide = ((await import("./[locale]/(workspace)/editor/redaction-actions")) as unknown as Record<string, Action>).decideRedaction!;
    const statementId = sqlite.prepare("SELECT id FROM statements WHERE slug = 'hrw-2012-dialogue-comments'").pluck().get() as number;
    session.user = { ...EDITOR, role: "reviewer" };
    expect(await decide(null, form({ record: `statement:${statementId}`, field: "summary", decision: "hide" }))).toMatchObject({ ok: false, message: expect.stringMatching(/not allowed/) });
    session.user = EDITOR;
    expect(await decide(null, form({ record: `statement:${statementId}`, field: "summary", decision: "redact" }))).toMatchObject({ ok: false, message: expect.stringMatching(/names no confidential/) });
  });
});
