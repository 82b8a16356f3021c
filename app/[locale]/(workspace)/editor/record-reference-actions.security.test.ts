// The actions that correct, delete and merge reference records, called as an attacker would: without a
// session, as a reviewer, with malformed and with oversized input, with fields named after
// Object.prototype. None of those may change a single row; valid input from an editor does its work
// and writes its audit entry. A stale version is refused with the conflict message, changing nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { ActionState } from "@/server/auth/guard";
import { rowCounter } from "@/db/testing/row-counts";
import { PROTOTYPE_KEYS } from "@/lib/testing/hostile-input";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/record-actions-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
let actions: Record<string, Action>;
let rowCounts: () => Record<string, number>;
let sqlite: import("better-sqlite3").Database;
let calls = 0;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** The record's version as its page would send it: its newest audit entry's id. */
function version(entity: string, table: string, slug: string): string {
  return String(
    sqlite.prepare(`SELECT COALESCE(MAX(a.id), 0) FROM audit_log a WHERE a.entity = ? AND a.entity_id = (SELECT CAST(id AS TEXT) FROM ${table} WHERE slug = ?)`).pluck().get(entity, slug),
  );
}

function eventVersion(id: number): string {
  return String(sqlite.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE entity = 'subject_event' AND entity_id = ?").pluck().get(String(id)));
}

const spare = (prefix: string) => `${prefix}-${++calls}-${Math.random().toString(36).slice(2, 6)}`;

// Each valid call changes something (a counter in a text), so that each one writes an audit entry.
const VALID: Record<string, () => Record<string, string>> = {
  editTrackRecord: () => ({ slug: "upr", version: version("track", "tracks", "upr"), name: `Universal Periodic Review ${++calls}`, shortName: "UPR", description: "", nameZh: `普遍定期审议 ${calls}`, shortNameZh: "普审", descriptionZh: "" }),
  editRoundRecord: () => ({
    slug: "hrc-31",
    version: version("round", "rounds", "hrc-31"),
    name: `HRC 31 (${++calls})`,
    nameZh: `人权理事会第31届会议（${calls}）`,
    trackSlug: "un-hrc",
    startDate: "2016-02-29",
    endDate: "2016-03-24",
    datePrecision: "day",
    dateNote: "",
    location: "Geneva",
  }),
  editCategoryRecord: () => ({ slug: "legal-reform", version: version("category", "categories", "legal-reform"), name: `Legal reform ${++calls}`, description: "", nameZh: "法律改革", descriptionZh: "", position: "2" }),
  editSubjectRecord: () => ({ slug: "gao-yu", version: version("subject", "subjects", "gao-yu"), name: "Gao Yu", nameZh: "高瑜", aliases: `Kao Yu ${++calls}\nGao Yu (journalist)`, role: "Journalist", roleZh: "记者", article: "", description: "", descriptionZh: "" }),
  editSubjectEventRecord: () => {
    const id = sqlite.prepare("SELECT id FROM subject_events WHERE subject_id = (SELECT id FROM subjects WHERE slug = 'liu-xia') ORDER BY id LIMIT 1").pluck().get() as number;
    return { eventId: String(id), version: eventVersion(id), kind: "released", occurredOn: "2018-07-10", datePrecision: "day", description: `Left for Berlin (${++calls}).`, descriptionZh: "前往柏林", sourceUrl: "https://example.org/x" };
  },
  deleteReferenceRecordAction: () => {
    const slug = spare("spare-track");
    sqlite.prepare("INSERT INTO tracks (slug, name, short_name) VALUES (?, 'Spare', 'S')").run(slug);
    return { entity: "track", slug, version: "0", confirm: "yes" };
  },
  mergeSubjectRecord: () => {
    const from = spare("spare-person");
    const into = spare("spare-kept");
    sqlite.prepare("INSERT INTO subjects (slug, kind, name) VALUES (?, 'person', ?), (?, 'person', ?)").run(from, `Person ${from}`, into, `Person ${into}`);
    return { slug: from, version: "0", intoSlug: into, confirm: "yes" };
  },
};

const INVALID: Record<string, Record<string, string>> = {
  editTrackRecord: { slug: "Not A Slug", version: "x", name: "", shortName: "far too long a short name for a chart" },
  editRoundRecord: { slug: "hrc-31", version: "-1", name: "", trackSlug: "DROP TABLE", startDate: "2016-13-45", endDate: "soon", datePrecision: "week" },
  editCategoryRecord: { slug: "legal-reform", version: "0", name: "", position: "first" },
  editSubjectRecord: { slug: "gao-yu", version: "abc", name: "" },
  editSubjectEventRecord: { eventId: "0", version: "0", kind: "abducted", occurredOn: "yesterday", datePrecision: "day", description: "", sourceUrl: "javascript:alert(1)" },
  deleteReferenceRecordAction: { entity: "users", slug: "demo-editor", version: "0", confirm: "no" },
  mergeSubjectRecord: { slug: "gao-yu", version: "0", intoSlug: "gao-yu", confirm: "" },
};

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  rowCounts = rowCounter(sqlite);
  actions = (await import("./record-reference-actions")) as unknown as Record<string, Action>;
});

async function submit(name: string, data: FormData): Promise<ActionState> {
  return actions[name]!(null, data).catch((error: { digest?: string }) => {
    if (String(error.digest).startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirected" };
    throw error;
  });
}

/** Valid input made before counting (the delete and merge plant their record), then counted. */
async function unchangedBy(user: SessionUser | null, name: string, values: Record<string, string>): Promise<ActionState> {
  session.user = user;
  const before = rowCounts();
  const result = await submit(name, form(values));
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(rowCounts()).toEqual(before);
  return result;
}

const MEGABYTE = "x".repeat(1_048_577);

describe("the reference record actions", () => {
  it("cover every action the module exports", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(VALID).sort());
  });
});

describe.each(Object.keys(VALID))("server action %s", (name) => {
  it("refuses a caller without a session and changes nothing", async () => {
    expect((await unchangedBy(null, name, VALID[name]!())).message).toMatch(/not signed in/);
  });

  it("refuses a reviewer and changes nothing", async () => {
    expect((await unchangedBy(REVIEWER, name, VALID[name]!())).message).toMatch(/not allowed/);
  });

  it("answers malformed input with field errors and changes nothing", async () => {
    const result = await unchangedBy(EDITOR, name, INVALID[name]!);
    expect(Object.keys(result.errors ?? {}).length).toBeGreaterThan(0);
  });

  it("refuses 1 MB in any field with a message on that field and changes nothing", async () => {
    for (const field of Object.keys(VALID[name]!())) {
      const valid = VALID[name]!();
      const result = await unchangedBy(EDITOR, name, { ...valid, [field]: MEGABYTE });
      expect(result.message).toMatch(/Nothing was saved/);
      expect(result.errors?.[field]?.[0], `${name}.${field}: ${JSON.stringify(result.errors)}`).toBeTruthy();
    }
  });

  it("treats fields named after Object.prototype as unknown data", async () => {
    session.user = EDITOR;
    const data = form(INVALID[name]!);
    for (const key of PROTOTYPE_KEYS) data.append(key, "polluted");
    const before = rowCounts();
    const result = await submit(name, data);
    expect(result.ok).toBe(false);
    expect(rowCounts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does its work for an editor and records it in the audit log", async () => {
    session.user = EDITOR;
    const values = VALID[name]!();
    const before = rowCounts();
    const result = await submit(name, form(values));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(rowCounts().audit_log).toBeGreaterThan(before.audit_log!);
  });

  it("refuses a form opened before another change with the conflict message, changing nothing", async () => {
    if (name === "deleteReferenceRecordAction" || name === "mergeSubjectRecord") {
      const values = VALID[name]!();
      const table = name === "mergeSubjectRecord" ? "subjects" : "tracks";
      // Someone changed the record after the form was opened: an audit entry newer than its version.
      sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id) VALUES (?, 'demo-editor', 'x.update', ?, (SELECT CAST(id AS TEXT) FROM " + table + " WHERE slug = ?))").run(new Date().toISOString(), table === "tracks" ? "track" : "subject", values.slug);
      expect((await unchangedBy(EDITOR, name, values)).message).toMatch(/after you opened this form/);
      return;
    }
    const stale = VALID[name]!();
    session.user = EDITOR;
    expect(await submit(name, form(VALID[name]!()))).toMatchObject({ ok: true });
    expect((await unchangedBy(EDITOR, name, stale)).message).toMatch(/after you opened this form/);
  });
});

describe("deleting and merging", () => {
  it("refuses to delete a referenced record, saying what refers to it", async () => {
    const result = await unchangedBy(EDITOR, "deleteReferenceRecordAction", { entity: "category", slug: "legal-reform", version: version("category", "categories", "legal-reform"), confirm: "yes" });
    expect(result.message).toMatch(/benchmarks refer to it/);
  });

  it("says when an edit changed nothing, and writes nothing", async () => {
    session.user = EDITOR;
    const values = VALID.editTrackRecord!();
    expect(await submit("editTrackRecord", form(values))).toMatchObject({ ok: true });
    const before = rowCounts();
    expect(await submit("editTrackRecord", form({ ...values, version: version("track", "tracks", "upr") }))).toMatchObject({ ok: true, message: "Nothing changed." });
    expect(rowCounts()).toEqual(before);
  });
});
