// The actions that correct statements and benchmarks and merge benchmarks, called as an attacker would:
// without a session, as a reviewer, with malformed, oversized and stale input. None of those may change
// a single row; only an editor's valid, current form may, and it writes one audit entry.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { ActionState } from "@/server/auth/guard";
import { PROTOTYPE_KEYS } from "@/lib/testing/hostile-input";
import { rowCounter } from "@/db/testing/row-counts";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/record-statement-actions-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };
const MEGABYTE = "x".repeat(1_048_577);

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
let actions: Record<string, Action>;
let sqlite: import("better-sqlite3").Database;
let rowCounts: () => Record<string, number>;

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  rowCounts = rowCounter(sqlite);
  actions = (await import("./statement-record-actions")) as unknown as Record<string, Action>;
  // Approved benchmarks with no score, one merged per valid merge call.
  const round = sqlite.prepare("SELECT id FROM rounds WHERE slug = 'uschrd-2015-washington'").pluck().get();
  const category = sqlite.prepare("SELECT id FROM categories WHERE slug = 'legal-reform'").pluck().get();
  const statement = sqlite.prepare("SELECT id FROM statements WHERE slug = 'lawyers-2015-statement'").pluck().get();
  const addBenchmark = sqlite.prepare("INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, review_state) VALUES (?, ?, ?, 'chinese_government', ?, 'approved')");
  const addSource = sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, ?, 'A pooled demand.', 'approved')");
  for (let i = 0; i < 20; i++) addSource.run(addBenchmark.run(`pool-merge-${i}`, `Pooled benchmark ${i}`, category, round).lastInsertRowid, statement);
  // Counted in the public figures now, so that the first action's refresh has nothing of ours to do.
  const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
  await refreshPublishedAggregates(getDb());
});

const versionOf = (table: "statements" | "benchmarks", slug: string) =>
  String(sqlite.prepare(`SELECT COALESCE(MAX(a.id), 0) FROM audit_log a JOIN ${table} t ON a.entity = ? AND a.entity_id = CAST(t.id AS TEXT) WHERE t.slug = ?`).pluck().get(table === "statements" ? "statement" : "benchmark", slug));
const unique = () => Math.random().toString(36).slice(2, 8);
const poolBenchmark = () => sqlite.prepare("SELECT slug FROM benchmarks WHERE slug LIKE 'pool-merge-%' AND review_state = 'approved' ORDER BY id LIMIT 1").pluck().get() as string;

const VALID: Record<string, () => Record<string, string | string[]>> = {
  editStatementRecord: () => ({
    slug: "rdn-2015-editorial",
    version: versionOf("statements", "rdn-2015-editorial"),
    title: `A corrected editorial title ${unique()}`,
    titleZh: `更正后的社论标题 ${unique()}`,
    kind: "ngo_editorial",
    date: "2015-08-10",
    datePrecision: "day",
    language: "en",
    sourceUrl: "https://example.org/editorial",
    roundSlug: "uschrd-2015-washington",
    publishers: "Rights Defense Network",
    signatories: "One Person | lawyer\nAnother Person",
    summary: "A summary.",
    summaryZh: "摘要。",
    fullText: "",
  }),
  editBenchmarkRecord: () => {
    const sources = sqlite.prepare("SELECT s.slug, bs.demand FROM benchmark_sources bs JOIN statements s ON s.id = bs.statement_id JOIN benchmarks b ON b.id = bs.benchmark_id WHERE b.slug = 'release-gui-minhai'").all() as Array<{ slug: string; demand: string }>;
    return {
      slug: "release-gui-minhai",
      version: versionOf("benchmarks", "release-gui-minhai"),
      title: `Release Gui Minhai ${unique()}`,
      titleZh: `释放桂民海 ${unique()}`,
      categorySlug: "release-of-detained-people",
      addressee: "chinese_government",
      appliesFromRoundSlug: "hrc-37",
      "scopeTrackSlugs[]": ["un-hrc"],
      "subjectSlugs[]": ["gui-minhai"],
      "demandStatement[]": sources.map((s) => s.slug),
      "demand[]": sources.map((s) => `${s.demand} ${unique()}`),
      "demandZh[]": sources.map(() => `中文要求 ${unique()}`),
    };
  },
  mergeBenchmarkRecord: () => {
    const slug = poolBenchmark();
    return { slug, version: versionOf("benchmarks", slug), intoSlug: "release-liu-xia" };
  },
};

const INVALID: Record<string, Record<string, string | string[]>> = {
  editStatementRecord: { slug: "Not A Slug", version: "-1", title: "", kind: "tweet", date: "soon", datePrecision: "week", language: "", sourceUrl: "javascript:alert(1)", roundSlug: "DROP TABLE", publishers: "" },
  editBenchmarkRecord: { slug: "x", version: "abc", title: "", categorySlug: "", addressee: "martians", appliesFromRoundSlug: "", "scopeTrackSlugs[]": ["<script>"], "demandStatement[]": ["a"], "demand[]": [] },
  mergeBenchmarkRecord: { slug: "x", version: "", intoSlug: "", keepTheirs: "maybe" },
};

describe.each(Object.keys(VALID))("server action %s", (name) => {
  it("refuses a caller without a session and changes nothing", async () => {
    session.user = null;
    const before = rowCounts();
    const result = await actions[name]!(null, form(VALID[name]!()));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not signed in/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a reviewer and changes nothing", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions[name]!(null, form(VALID[name]!()));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not allowed/) });
    expect(rowCounts()).toEqual(before);
  });

  it("answers malformed input with field errors and changes nothing", async () => {
    session.user = EDITOR;
    const before = rowCounts();
    const result = await actions[name]!(null, form(INVALID[name]!));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors ?? {}).length).toBeGreaterThan(0);
    expect(rowCounts()).toEqual(before);
  });

  it("refuses 1 MB in any field with a message on that field and changes nothing", async () => {
    session.user = EDITOR;
    const valid = VALID[name]!();
    for (const field of Object.keys(valid)) {
      const before = rowCounts();
      const result = await actions[name]!(null, form({ ...valid, [field]: Array.isArray(valid[field]) ? [MEGABYTE] : MEGABYTE }));
      expect(result.ok, `${name}.${field}`).toBe(false);
      expect(result.errors?.[field.replace("[]", "")]?.[0], `${name}.${field}: ${JSON.stringify(result.errors)}`).toBeTruthy();
      expect(rowCounts()).toEqual(before);
    }
  });

  it("treats fields named after Object.prototype as unknown data and changes nothing", async () => {
    session.user = EDITOR;
    for (const key of PROTOTYPE_KEYS.flatMap((k) => [k, `${k}[]`])) {
      const before = rowCounts();
      const data = form(INVALID[name]!);
      data.append(key, "polluted");
      expect((await actions[name]!(null, data)).ok, key).toBe(false);
      expect(rowCounts()).toEqual(before);
    }
  });

  it("refuses a form opened before another change, with the conflict message, and changes nothing", async () => {
    session.user = EDITOR;
    const stale = { ...VALID[name]!(), version: "1" };
    const before = rowCounts();
    const result = await actions[name]!(null, form(stale));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/after you opened this form\. Nothing was saved/) });
    expect(rowCounts()).toEqual(before);
  });

  it("does its work for an editor and records it in the audit log", async () => {
    session.user = EDITOR;
    const before = rowCounts();
    const result = await actions[name]!(null, form(VALID[name]!()));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(rowCounts().audit_log).toBeGreaterThan(before.audit_log!);
  });
});

describe("the record actions", () => {
  it("answer 'Nothing changed.' for an unchanged form and write nothing", async () => {
    session.user = EDITOR;
    const values = VALID.editStatementRecord!();
    expect((await actions.editStatementRecord!(null, form(values))).ok).toBe(true);
    const before = rowCounts();
    expect(await actions.editStatementRecord!(null, form({ ...values, version: versionOf("statements", "rdn-2015-editorial") }))).toMatchObject({ ok: true, message: "Nothing changed." });
    expect(rowCounts()).toEqual(before);
  });
});
