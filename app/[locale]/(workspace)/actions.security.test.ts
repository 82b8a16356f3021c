// Every server action that changes data, called as an attacker would: without a session, with a
// role that may not, with malformed and oversized input, and with arbitrary form payloads
// (property-based, fast-check). None of those may change a single row; only valid input may.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { SessionUser } from "@/server/auth/session";
import type { ActionState } from "@/server/auth/guard";
import { newAccountSchema } from "@/server/auth/accounts";
import { accountResetSchema, accountRoleSchema, accountTargetSchema, endOtherSessionsSchema, endSessionSchema } from "@/lib/validation/account";
import { formDataToObject } from "@/server/auth/guard";
import { hostileString, PROTOTYPE_KEYS } from "@/lib/testing/hostile-input";
import { rowCounter } from "@/db/testing/row-counts";
import { assessmentFormSchema, CARRY_FORWARD_LIMIT, carryForwardSchema } from "@/lib/validation/assessment";
import {
  benchmarkScopeSchema,
  confidentialitySchema,
  deadlineSchema,
  decisionSchema,
  minCoverageSchema,
  newCategorySchema,
  newRoundSchema,
  newSubjectEventSchema,
  newSubjectSchema,
  newTrackSchema,
  publishSchema,
  redactionDecisionSchema,
  retireBenchmarkSchema,
} from "@/lib/validation/editor";
import { approveDraftSchema, editDraftBenchmarkSchema, editDraftStatementSchema, mergeDraftSchema, rejectDraftSchema } from "@/lib/validation/drafts";
import { addSourceSchema, confirmDemandSchema, confirmNewSubjectSchema, newStatementSchema } from "@/lib/validation/statement";
import { twoFactorRequirementSchema } from "@/lib/validation/two-factor";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/actions-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({
  getSessionUser: async () => session.user,
  requirePageUser: async () => session.user,
  // Each test user is signed in with a session of this id (planted by plantSessionPool).
  getCurrentSessionId: async () => (session.user ? `current-${session.user.id}` : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };

type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
let actions: Record<string, Action>;
let rowCounts: () => Record<string, number>;
let disputed: { round: string; benchmark: string; assessmentId: number };
let sqlite: import("better-sqlite3").Database;

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
  disputed = sqlite
    .prepare(
      `SELECT r.slug AS round, b.slug AS benchmark, a.id AS assessmentId FROM published_scores ps
         JOIN rounds r ON r.id = ps.round_id JOIN benchmarks b ON b.id = ps.benchmark_id
         JOIN assessments a ON a.benchmark_id = ps.benchmark_id AND a.round_id = ps.round_id AND a.reviewer_id = 'demo-reviewer-b'
        WHERE ps.basis = 'editor' LIMIT 1`,
    )
    .get() as typeof disputed;
  const review = await import("./review/actions");
  const editor = await import("./editor/actions");
  const reference = await import("./editor/reference-actions");
  const statementActions = await import("./review/statement-actions");
  const redaction = await import("./editor/redaction-actions");
  const draftActions = await import("./editor/draft-actions");
  const account = await import("./account/actions");
  actions = { ...review, ...editor, ...reference, ...statementActions, ...redaction, ...draftActions, ...account } as unknown as Record<string, Action>;
  plantDraftPool();
  plantAccountPool();
  plantSessionPool();
});

/**
 * Real accounts for the account actions, made before any test counts rows: active ones to deactivate
 * (each with a session, which must end), deactivated ones to reactivate, and one whose role flips on
 * every valid call, beside a second active editor so that demoting it never hits the last-editor rule.
 */
function plantAccountPool() {
  const now = Date.now();
  const addUser = sqlite.prepare("INSERT INTO users (id, email, name, role, is_demo, email_verified, created_at, updated_at, deactivated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?)");
  const addSession = sqlite.prepare("INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 250; i++) {
      addUser.run(`pool-active-${i}`, `pool-active-${i}@example.org`, `Active ${i}`, "reviewer", now, now, null);
      addSession.run(`pool-session-${i}`, `pool-token-${i}`, `pool-active-${i}`, now + 86_400_000, now, now);
      addUser.run(`pool-deactivated-${i}`, `pool-deactivated-${i}@example.org`, `Deactivated ${i}`, "reviewer", now, now, now);
    }
    addUser.run("pool-role", "pool-role@example.org", "Role Flipper", "reviewer", now, now, null);
    addUser.run("pool-editor", "pool-editor@example.org", "Other Editor", "editor", now, now, null);
  })();
}

/** The test users' own sessions: the one each is "signed in with", and others for them to end. */
let sessionPools = 0;
function plantSessionPool(count = 250) {
  const now = Date.now();
  const pool = ++sessionPools;
  const addSession = sqlite.prepare("INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    for (const user of [REVIEWER, EDITOR]) {
      if (!sqlite.prepare("SELECT 1 FROM sessions WHERE id = ?").get(`current-${user.id}`)) addSession.run(`current-${user.id}`, `current-token-${user.id}`, user.id, now + 86_400_000, now, now, "Firefox/133.0");
      for (let i = 0; i < count; i++) addSession.run(`own-${user.id}-${pool}-${i}`, `own-token-${user.id}-${pool}-${i}`, user.id, now + 86_400_000, now - i, now - i, "Chromium/131.0 (X11; Linux x86_64)");
    }
  })();
}

/** One of the signed-in test user's other sessions, or an id that names none once they are all ended. */
function ownOtherSession(): string {
  const userId = session.user?.id ?? REVIEWER.id;
  return (sqlite.prepare("SELECT id FROM sessions WHERE user_id = ? AND id LIKE 'own-%' ORDER BY id LIMIT 1").pluck().get(userId) as string | undefined) ?? "own-none-left";
}

function poolAccount(state: "active" | "deactivated"): string {
  return sqlite.prepare(`SELECT id FROM users WHERE id LIKE 'pool-${state}-%' AND deactivated_at IS ${state === "active" ? "" : "NOT "}NULL ORDER BY created_at, id LIMIT 1`).pluck().get() as string;
}

/**
 * Drafts for the editor's actions to act on, made before any test counts rows: each valid call takes
 * the first one still waiting (a statement with one draft benchmark raised by it), so calls that
 * change nothing leave it for the next.
 */
function plantDraftPool() {
  const round = (sqlite.prepare("SELECT id FROM rounds WHERE slug = 'hrc-37'").get() as { id: number }).id;
  const category = (sqlite.prepare("SELECT id FROM categories WHERE slug = 'legal-reform'").get() as { id: number }).id;
  const addStatement = sqlite.prepare("INSERT INTO statements (slug, title, kind, date, date_precision, language, round_id, review_state, created_by) VALUES (?, ?, 'ngo_joint_letter', '2018-02-01', 'day', 'en', ?, 'draft', ?)");
  const addBenchmark = sqlite.prepare("INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, review_state, created_by) VALUES (?, ?, ?, 'chinese_government', ?, 'draft', ?)");
  const addSource = sqlite.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state, created_by) VALUES (?, ?, 'A pooled demand.', 'draft', ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 250; i++) {
      const statementId = addStatement.run(`pool-statement-${i}`, `Pooled letter ${i}`, round, REVIEWER.id).lastInsertRowid;
      const benchmarkId = addBenchmark.run(`pool-benchmark-${i}`, `Pooled demand ${i}`, category, round, REVIEWER.id).lastInsertRowid;
      addSource.run(benchmarkId, statementId, REVIEWER.id);
    }
  })();
}

function waitingStatement(): string {
  return (sqlite.prepare("SELECT slug FROM statements WHERE review_state = 'draft' AND slug LIKE 'pool-statement-%' ORDER BY id LIMIT 1").get() as { slug: string }).slug;
}

function waitingBenchmark(): { slug: string; statement: string } {
  return sqlite
    .prepare(
      `SELECT b.slug, s.slug AS statement FROM benchmarks b JOIN benchmark_sources bs ON bs.benchmark_id = b.id JOIN statements s ON s.id = bs.statement_id
        WHERE b.review_state = 'draft' AND s.review_state = 'draft' AND b.slug LIKE 'pool-benchmark-%' ORDER BY b.id LIMIT 1`,
    )
    .get() as { slug: string; statement: string };
}

const candidate = () => Array.from({ length: 32 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");

const VALID: Record<string, () => Record<string, string | string[]>> = {
  saveAssessment: () => ({ roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedLatestId: latestId("release-yu-wensheng", "hrc-37", REVIEWER.id), status: "not_met", rationale: "Still detained at this round.", "evidenceUrl[]": ["https://example.org/a"], "evidenceTitle[]": ["A report"], "evidenceDate[]": [""] }),
  carryForwardPrevious: () => ({ roundSlug: "hrc-37", "chosen[]": [`release-liu-xia:${latestId("release-liu-xia", "hrc-37", REVIEWER.id)}`] }),
  createUserAccount: () => ({ name: "New Reviewer", email: `new-${Math.random().toString(36).slice(2)}@example.org`, role: "reviewer", password: "a-long-password" }),
  deactivateUserAccount: () => ({ userId: poolAccount("active") }),
  reactivateUserAccount: () => ({ userId: poolAccount("deactivated") }),
  issuePasswordReset: () => ({ userId: "pool-role" }),
  endOwnSession: () => ({ sessionId: ownOtherSession() }),
  signOutEverywhereElse: () => ({ confirm: "yes" }),
  changeUserRole: () => ({ userId: "pool-role", role: sqlite.prepare("SELECT role FROM users WHERE id = 'pool-role'").pluck().get() === "editor" ? "reviewer" : "editor" }),
  createRound: () => ({ trackSlug: "un-hrc", slug: `hrc-test-${Math.random().toString(36).slice(2, 8)}`, name: "Test session", location: "", startDate: "2019-06-01", endDate: "", datePrecision: "month", scoringDeadline: "" }),
  setScoringDeadline: () => ({ roundSlug: "hrc-37", scoringDeadline: "2026-12-31" }),
  decideDisagreement: () => ({
    roundSlug: disputed.round,
    benchmarkSlug: disputed.benchmark,
    expectedDecisionId: latestDecisionId(disputed.benchmark, disputed.round),
    stands: "own",
    status: "partial",
    rationale: "Released on parole, by the editor's reading.",
    "evidenceUrl[]": ["https://example.org/parole", ""],
    "evidenceTitle[]": ["Parole report", ""],
    "evidenceDate[]": ["", ""],
    note: "",
  }),
  publishRoundScores: () => ({ roundSlug: "hrc-37", confirm: "yes" }),
  setMinCoverage: () => ({ minCoveragePercent: "60" }),
  setTwoFactorRequirement: () => ({ requireTwoFactor: "on" }),
  createTrack: () => ({ slug: `track-${unique()}`, name: "EU–China dialogue", shortName: "EU–China", description: "" }),
  createCategory: () => ({ slug: `category-${unique()}`, name: "Freedom of religion", description: "" }),
  createSubject: () => ({ kind: "person", slug: `person-${unique()}`, name: "A Person", nameZh: "某人", role: "", article: "", description: "", confidential: "yes" }),
  createSubjectEvent: () => ({ subjectSlug: "liu-xia", kind: "other", occurredOn: "2019-01-01", datePrecision: "month", description: "Spoke to the press.", sourceUrl: "https://example.org/x" }),
  retireBenchmark: () => ({ benchmarkSlug: "release-gui-minhai", retiredOn: "2020-01-01", retiredReason: "Test retirement." }),
  setConfidentiality: () => ({ target: "subject:zhu-yufu", confidential: "yes", aliases: "Zhu Yu-fu\n朱 虞夫" }),
  // A different scope on every call, so that each valid call changes something.
  setScope: () => ({ benchmarkSlug: "release-gui-minhai", "scopeTrackSlugs[]": [TRACKS[scopeCalls++ % TRACKS.length]!] }),
  decideRedaction: () => ({ record: `statement:${sqlite.prepare("SELECT id FROM statements WHERE slug = 'rdn-2015-editorial'").pluck().get()}`, field: "summary", decision: "hide" }),
  confirmDemand: () => ({ statementSlug: "ngo-2018-hrc37-letter", candidateKey: candidate(), demand: "Let UN experts visit without escort.", title: `UN experts visit freely ${unique()}`, categorySlug: "international-access-and-accountability", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", "scopeTrackSlugs[]": ["un-hrc"], "subjectSlugs[]": ["liu-xia"] }),
  addDemandToBenchmark: () => ({ statementSlug: "hrw-2013-kunming-release", candidateKey: candidate(), benchmarkSlug: "release-liu-xia", demand: "Free her, as asked before." }),
  confirmNewSubject: () => ({ statementSlug: "ngo-2018-hrc37-letter", name: `Anna Tester ${unique()}`, nameZh: "", role: "a publisher" }),
  approveDraftItem: () => ({ target: `benchmark:${waitingBenchmark().slug}` }),
  rejectDraftItem: () => ({ target: `statement:${waitingStatement()}`, reason: "Not a statement we track." }),
  editStatementDraft: () => ({ slug: waitingStatement(), title: "A corrected title", kind: "government_statement", date: "2018-02-02", datePrecision: "day", language: "en", sourceUrl: "", summary: "Edited." }),
  editBenchmarkDraft: () => {
    const draft = waitingBenchmark();
    return { slug: draft.slug, title: "A corrected benchmark title", categorySlug: "release-of-detained-people", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", statementSlug: draft.statement, demand: "The demand, reworded." };
  },
  mergeBenchmarkDraft: () => ({ slug: waitingBenchmark().slug, intoSlug: "release-liu-xia" }),
  addStatement: () => ({ title: `A new joint letter ${unique()}`, kind: "ngo_joint_letter", date: "2019-01-15", datePrecision: "day", language: "en", sourceUrl: "", roundSlug: "", publishers: "Group One, Group Two", summary: "", fullText: "1. Release everyone held for speech." }),
};

const TRACKS = ["un-hrc", "upr", "us-china-dialogue"];
let scopeCalls = 0;

function unique() {
  return Math.random().toString(36).slice(2, 8);
}

const INVALID: Record<string, Record<string, string | string[]>> = {
  saveAssessment: { roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedLatestId: "0", status: "excellent", rationale: "no", "evidenceUrl[]": ["javascript:alert(1)"], "evidenceTitle[]": ["x"] },
  carryForwardPrevious: { roundSlug: "hrc-37", "chosen[]": ["release-liu-xia", "DROP TABLE:1", "end-rsdl:-1"] },
  createUserAccount: { name: "", email: "not-an-email", role: "admin", password: "short" },
  deactivateUserAccount: { userId: "" },
  reactivateUserAccount: { userId: "" },
  issuePasswordReset: { userId: "" },
  endOwnSession: { sessionId: "" },
  signOutEverywhereElse: { confirm: "no" },
  changeUserRole: { userId: "pool-role", role: "admin" },
  createRound: { trackSlug: "un-hrc", slug: "Bad Slug!", name: "", startDate: "2019-13-45", datePrecision: "week" },
  setScoringDeadline: { roundSlug: "hrc-37", scoringDeadline: "tomorrow" },
  decideDisagreement: { roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedDecisionId: "0", stands: "abc", status: "excellent", "evidenceUrl[]": ["javascript:alert(1)"], "evidenceTitle[]": ["x"] },
  publishRoundScores: { roundSlug: "hrc-37", acceptPreliminary: "maybe" },
  setMinCoverage: { minCoveragePercent: "150" },
  setTwoFactorRequirement: { requireTwoFactor: "yes" },
  createTrack: { slug: "", name: "", shortName: "" },
  createCategory: { slug: "Not A Slug", name: "" },
  createSubject: { kind: "planet", slug: "x", name: "" },
  createSubjectEvent: { subjectSlug: "liu-xia", kind: "abducted-by-aliens", occurredOn: "yesterday", datePrecision: "day", description: "", sourceUrl: "javascript:alert(1)" },
  retireBenchmark: { benchmarkSlug: "release-gui-minhai", retiredOn: "soon", retiredReason: "" },
  setConfidentiality: { target: "users:demo-editor", confidential: "maybe" },
  setScope: { benchmarkSlug: "DROP TABLE", "scopeTrackSlugs[]": ["Not A Track", "un-hrc'; --"] },
  decideRedaction: { record: "users:1", field: "password", decision: "delete" },
  confirmDemand: { statementSlug: "ngo-2018-hrc37-letter", demand: "", title: "x", categorySlug: "nope nope", addressee: "martians", appliesFromRoundSlug: "", "scopeTrackSlugs[]": ["<script>"] },
  addDemandToBenchmark: { statementSlug: "ngo-2018-hrc37-letter", benchmarkSlug: "DROP TABLE", demand: "" },
  confirmNewSubject: { statementSlug: "Not A Slug", name: "", nameZh: "某".repeat(101), role: "", makePublic: "maybe" },
  approveDraftItem: { target: "users:demo-editor" },
  rejectDraftItem: { target: "statement:x", reason: "" },
  editStatementDraft: { slug: "Not A Slug", title: "", kind: "tweet", date: "soon", datePrecision: "week", language: "", sourceUrl: "javascript:alert(1)" },
  editBenchmarkDraft: { slug: "x", title: "", categorySlug: "", addressee: "martians", appliesFromRoundSlug: "", statementSlug: "", demand: "" },
  mergeBenchmarkDraft: { slug: "x", intoSlug: "" },
  addStatement: { title: "", kind: "tweet", date: "2019", datePrecision: "day", language: "", sourceUrl: "javascript:alert(1)", roundSlug: "", publishers: "", fullText: "" },
};

const EDITOR_ONLY = [
  "createUserAccount",
  "deactivateUserAccount",
  "reactivateUserAccount",
  "changeUserRole",
  "issuePasswordReset",
  "createRound",
  "setScoringDeadline",
  "decideDisagreement",
  "publishRoundScores",
  "setMinCoverage",
  "setTwoFactorRequirement",
  "createTrack",
  "createCategory",
  "createSubject",
  "createSubjectEvent",
  "retireBenchmark",
  "setConfidentiality",
  "setScope",
  "decideRedaction",
  "approveDraftItem",
  "rejectDraftItem",
  "editStatementDraft",
  "editBenchmarkDraft",
  "mergeBenchmarkDraft",
];

function latestDecisionId(benchmark: string, round: string): string {
  return String(
    (sqlite.prepare(
      `SELECT COALESCE(MAX(d.id), 0) AS id FROM editor_decisions d JOIN benchmarks b ON b.id = d.benchmark_id JOIN rounds r ON r.id = d.round_id WHERE b.slug = ? AND r.slug = ?`,
    ).get(benchmark, round) as { id: number }).id,
  );
}

function latestId(benchmark: string, round: string, reviewer: string): string {
  return String(
    (sqlite.prepare(
      `SELECT COALESCE(MAX(a.id), 0) AS id FROM assessments a JOIN benchmarks b ON b.id = a.benchmark_id JOIN rounds r ON r.id = a.round_id
        WHERE b.slug = ? AND r.slug = ? AND a.reviewer_id = ?`,
    ).get(benchmark, round, reviewer) as { id: number }).id,
  );
}

describe.each(Object.keys(VALID))("server action %s", (name) => {
  it("refuses a caller without a session and changes nothing", async () => {
    session.user = null;
    const before = rowCounts();
    const result = await actions[name]!(null, form(VALID[name]!()));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/not signed in/);
    expect(rowCounts()).toEqual(before);
  });

  if (EDITOR_ONLY.includes(name)) {
    it("refuses a reviewer and changes nothing", async () => {
      session.user = REVIEWER;
      const before = rowCounts();
      const result = await actions[name]!(null, form(VALID[name]!()));
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/not allowed/);
      expect(rowCounts()).toEqual(before);
    });
  }

  it("answers malformed input with field errors and changes nothing", async () => {
    session.user = EDITOR_ONLY.includes(name) ? EDITOR : REVIEWER;
    const before = rowCounts();
    const result = await actions[name]!(null, form(INVALID[name]!));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors ?? {}).length).toBeGreaterThan(0);
    expect(rowCounts()).toEqual(before);
  });

  it("does its work for the right role and records it in the audit log", async () => {
    session.user = EDITOR_ONLY.includes(name) ? EDITOR : REVIEWER;
    const before = rowCounts();
    // Actions that finish by going to a new page signal it by throwing Next's redirect.
    const result = await actions[name]!(null, form(VALID[name]!())).catch((error: { digest?: string }) => {
      if (String(error.digest).startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirected" };
      throw error;
    });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(rowCounts().audit_log).toBeGreaterThan(before.audit_log!);
  });
});

describe("new people found in a statement", () => {
  const subject = (name: string) => sqlite.prepare("SELECT slug, kind, confidential, role FROM subjects WHERE name = ?").get(name) as { slug: string; kind: string; confidential: number; role: string | null } | undefined;

  it("a reviewer's new person is confidential even when the form asks to make it public", async () => {
    session.user = REVIEWER;
    const name = `Mara Quist ${unique()}`;
    const result = await actions.confirmNewSubject!(null, form({ statementSlug: "ngo-2018-hrc37-letter", name, nameZh: "", role: "a Swedish publisher", makePublic: "yes" }));
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/confidential until an editor clears it/) });
    expect(subject(name)).toMatchObject({ kind: "person", confidential: 1, role: "a Swedish publisher" });
    const audit = sqlite.prepare("SELECT user_id AS userId FROM audit_log WHERE action = 'subject.create' AND entity_id = (SELECT CAST(id AS TEXT) FROM subjects WHERE name = ?)").all(name);
    expect(audit).toEqual([{ userId: REVIEWER.id }]);
  });

  it("an editor may make the new person public at once", async () => {
    session.user = EDITOR;
    const name = `Olle Brandt ${unique()}`;
    expect((await actions.confirmNewSubject!(null, form({ statementSlug: "ngo-2018-hrc37-letter", name, nameZh: "", role: "", makePublic: "yes" }))).ok).toBe(true);
    expect(subject(name)?.confidential).toBe(0);
  });

  it("confirming the same name again creates nothing", async () => {
    session.user = REVIEWER;
    const input = { statementSlug: "ngo-2018-hrc37-letter", name: `Ines Kowal ${unique()}`, nameZh: "", role: "" };
    await actions.confirmNewSubject!(null, form(input));
    const before = rowCounts();
    const again = await actions.confirmNewSubject!(null, form(input));
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/already in the database/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a statement that does not exist, changing nothing", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.confirmNewSubject!(null, form({ statementSlug: "no-such-statement", name: "Nobody Atall", nameZh: "", role: "" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/does not exist/) });
    expect(rowCounts()).toEqual(before);
  });
});

describe("statements to benchmarks", () => {
  it("refuses a benchmark that would apply before the statement that raised it", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.confirmDemand!(null, form({ ...VALID.confirmDemand!(), appliesFromRoundSlug: "uschrd-2012-washington" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/before the statement/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a scope naming a track that does not exist, changing nothing", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.confirmDemand!(null, form({ ...VALID.confirmDemand!(), "scopeTrackSlugs[]": ["un-hrc", "no-such-track"] }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/track/) });
    expect(rowCounts()).toEqual(before);
  });

  it("stores the scope ticked with the new benchmark", async () => {
    session.user = REVIEWER;
    const title = `Dialogue hears NGOs ${unique()}`;
    const result = await actions.confirmDemand!(null, form({ ...VALID.confirmDemand!(), title, "scopeTrackSlugs[]": ["us-china-dialogue"] }));
    expect(result.ok).toBe(true);
    const scope = sqlite
      .prepare("SELECT t.slug FROM benchmark_tracks bt JOIN benchmarks b ON b.id = bt.benchmark_id JOIN tracks t ON t.id = bt.track_id WHERE b.title = ?")
      .all(title) as Array<{ slug: string }>;
    expect(scope.map((t) => t.slug)).toEqual(["us-china-dialogue"]);
  });

  it("confirming the same candidate again (a replayed request) returns the first benchmark and creates nothing", async () => {
    session.user = REVIEWER;
    const input = VALID.confirmDemand!();
    const first = await actions.confirmDemand!(null, form(input));
    expect(first).toMatchObject({ ok: true, message: expect.stringMatching(/Created the benchmark/) });
    const before = rowCounts();
    for (const replay of [input, { ...input, title: "Another title for the same candidate" }]) {
      const again = await actions.confirmDemand!(null, form(replay));
      expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/already confirmed/) });
      const asSource = await actions.addDemandToBenchmark!(null, form({ statementSlug: input.statementSlug as string, candidateKey: input.candidateKey as string, benchmarkSlug: "release-liu-xia", demand: "Free her." }));
      expect(asSource).toMatchObject({ ok: true, message: expect.stringMatching(/already confirmed/) });
    }
    expect(rowCounts()).toEqual(before);
  });

  it("refuses to add the same statement twice as a source, changing nothing", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.addDemandToBenchmark!(null, form({ ...VALID.addDemandToBenchmark!(), statementSlug: "rdn-2015-editorial" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/already a source/) });
    expect(rowCounts()).toEqual(before);
  });
});

describe("setScope", () => {
  it("refuses a track that does not exist, changing nothing", async () => {
    session.user = EDITOR;
    const before = rowCounts();
    const result = await actions.setScope!(null, form({ benchmarkSlug: "release-liu-xia", "scopeTrackSlugs[]": ["un-hrc", "no-such-track"] }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/track/) });
    expect(rowCounts()).toEqual(before);
  });

  it("narrows a scored benchmark, says how many assessments fall outside, and widens it back to every track", async () => {
    session.user = EDITOR;
    const narrowed = await actions.setScope!(null, form({ benchmarkSlug: "release-liu-xia", "scopeTrackSlugs[]": ["us-china-dialogue"] }));
    expect(narrowed).toMatchObject({ ok: true, message: expect.stringMatching(/assessed at US–China Human Rights Dialogue rounds\. \d+ assessments at other tracks/) });
    const before = rowCounts();
    const widened = await actions.setScope!(null, form({ benchmarkSlug: "release-liu-xia" }));
    expect(widened).toMatchObject({ ok: true, message: expect.stringMatching(/every track's rounds/) });
    expect(rowCounts().benchmark_tracks).toBe(before.benchmark_tracks! - 1);
    expect(rowCounts().audit_log).toBe(before.audit_log! + 1);
  });
});

describe("saveAssessment", () => {
  it("appends: a second save keeps the first assessment", async () => {
    session.user = REVIEWER;
    const before = rowCounts().assessments!;
    for (const rationale of ["First reading of the facts.", "Second reading of the facts."]) {
      const result = await actions.saveAssessment!(null, form({ ...VALID.saveAssessment!(), rationale }));
      expect(result.ok).toBe(true);
    }
    expect(rowCounts().assessments).toBe(before + 2);
  });

  it("refuses a benchmark that does not apply at the round", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.saveAssessment!(null, form({ ...VALID.saveAssessment!(), roundSlug: "uschrd-2012-washington" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/does not apply/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a benchmark at a round of a track outside its scope", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.saveAssessment!(
      null,
      form({ ...VALID.saveAssessment!(), benchmarkSlug: "dialogue-held-regularly", expectedLatestId: latestId("dialogue-held-regularly", "hrc-37", REVIEWER.id) }),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not assessed at UN Human Rights Council rounds/) });
    expect(rowCounts()).toEqual(before);
  });
});

describe("carryForwardPrevious", () => {
  const assessmentsOf = (reviewer: string) => (sqlite.prepare("SELECT COUNT(*) AS n FROM assessments WHERE reviewer_id = ?").get(reviewer) as { n: number }).n;

  it("skips a benchmark scored since the queue was opened, writes the others, and says which", async () => {
    session.user = REVIEWER;
    const stale = `end-rsdl:${Number(latestId("end-rsdl", "hrc-37", REVIEWER.id)) - 1}`;
    const fresh = `close-black-jails:${latestId("close-black-jails", "hrc-37", REVIEWER.id)}`;
    const before = rowCounts();
    const result = await actions.carryForwardPrevious!(null, form({ roundSlug: "hrc-37", "chosen[]": [stale, fresh] }));
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/Carried forward 1 score .* Skipped 1\./) });
    expect((result as { skipped?: Array<{ benchmarkSlug: string }> }).skipped?.map((s) => s.benchmarkSlug)).toEqual(["end-rsdl"]);
    const after = rowCounts();
    expect(after.assessments).toBe(before.assessments! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
  });

  it("writes nothing when every chosen benchmark is skipped, and says so", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    // Retired before this round: it does not apply.
    const result = await actions.carryForwardPrevious!(null, form({ roundSlug: "hrc-37", "chosen[]": ["liu-xiaobo-contact:0", "no-such-benchmark:0"] }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing was carried forward/) });
    expect(rowCounts()).toEqual(before);
  });

  it("refuses more than the limit of benchmarks at once and a round that does not exist, changing nothing", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const tooMany = Array.from({ length: CARRY_FORWARD_LIMIT + 1 }, (_, i) => `benchmark-${i}:0`);
    const refused = await actions.carryForwardPrevious!(null, form({ roundSlug: "hrc-37", "chosen[]": tooMany }));
    expect(refused).toMatchObject({ ok: false, errors: { chosen: [expect.stringMatching(/at most/)] } });
    const noRound = await actions.carryForwardPrevious!(null, form({ roundSlug: "no-such-round", "chosen[]": ["end-rsdl:0"] }));
    expect(noRound).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
    expect(rowCounts()).toEqual(before);
  });

  it("writes only under the signed-in reviewer's name, whatever the form says", async () => {
    session.user = REVIEWER;
    const others = assessmentsOf("demo-reviewer-b");
    const data = form({ roundSlug: "hrc-37", "chosen[]": [`release-guo-feixiong:${latestId("release-guo-feixiong", "hrc-37", REVIEWER.id)}`], reviewerId: "demo-reviewer-b" });
    expect((await actions.carryForwardPrevious!(null, data)).ok).toBe(true);
    expect(assessmentsOf("demo-reviewer-b")).toBe(others);
  });
});

/** The schema each action validates with: an accepted arbitrary payload must be one it accepts. */
const SCHEMA_OF: Record<string, z.ZodType> = {
  saveAssessment: assessmentFormSchema,
  carryForwardPrevious: carryForwardSchema,
  createUserAccount: newAccountSchema,
  deactivateUserAccount: accountTargetSchema,
  reactivateUserAccount: accountTargetSchema,
  changeUserRole: accountRoleSchema,
  issuePasswordReset: accountResetSchema,
  endOwnSession: endSessionSchema,
  signOutEverywhereElse: endOtherSessionsSchema,
  createRound: newRoundSchema,
  setScoringDeadline: deadlineSchema,
  decideDisagreement: decisionSchema,
  publishRoundScores: publishSchema,
  setMinCoverage: minCoverageSchema,
  setTwoFactorRequirement: twoFactorRequirementSchema,
  createTrack: newTrackSchema,
  createCategory: newCategorySchema,
  createSubject: newSubjectSchema,
  createSubjectEvent: newSubjectEventSchema,
  retireBenchmark: retireBenchmarkSchema,
  setConfidentiality: confidentialitySchema,
  setScope: benchmarkScopeSchema,
  decideRedaction: redactionDecisionSchema,
  confirmDemand: confirmDemandSchema,
  addDemandToBenchmark: addSourceSchema,
  confirmNewSubject: confirmNewSubjectSchema,
  addStatement: newStatementSchema,
  approveDraftItem: approveDraftSchema,
  rejectDraftItem: rejectDraftSchema,
  editStatementDraft: editDraftStatementSchema,
  editBenchmarkDraft: editDraftBenchmarkSchema,
  mergeBenchmarkDraft: mergeDraftSchema,
};

const MEGABYTE = "x".repeat(1_048_577);

/** Runs an action as a form post would; a redirect (how some actions end) counts as success. */
async function submit(name: string, data: FormData): Promise<ActionState> {
  return actions[name]!(null, data).catch((error: { digest?: string }) => {
    if (String(error.digest).startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirected" };
    throw error;
  });
}

describe("the action matrix", () => {
  it("covers every data-changing action the workspace exports", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(VALID).sort());
    expect(Object.keys(SCHEMA_OF).sort()).toEqual(Object.keys(VALID).sort());
  });
});

describe.each(Object.keys(VALID))("server action %s with hostile input", (name) => {
  const user = () => (EDITOR_ONLY.includes(name) ? EDITOR : REVIEWER);

  it("refuses 1 MB in any field with a message on that field and changes nothing", async () => {
    session.user = user();
    const valid = VALID[name]!();
    for (const field of Object.keys(valid)) {
      const before = rowCounts();
      const result = await submit(name, form({ ...valid, [field]: Array.isArray(valid[field]) ? [MEGABYTE] : MEGABYTE }));
      expect(result.ok, `${name}.${field}`).toBe(false);
      expect(result.message).toMatch(/Nothing was saved/);
      expect(result.errors?.[field.replace("[]", "")]?.[0], `${name}.${field}: ${JSON.stringify(result.errors)}`).toBeTruthy();
      expect(rowCounts()).toEqual(before);
    }
  });

  it("treats fields named after Object.prototype as unknown data and changes nothing", async () => {
    session.user = user();
    for (const key of PROTOTYPE_KEYS.flatMap((k) => [k, `${k}[]`])) {
      const before = rowCounts();
      const data = form(INVALID[name]!);
      data.append(key, "polluted");
      const result = await submit(name, data);
      expect(result.ok, key).toBe(false);
      expect(rowCounts()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it("given arbitrary form payloads by a signed-in editor, changes no table unless the input is valid", async () => {
    session.user = EDITOR;
    const keys = [...Object.keys(VALID[name]!()), ...PROTOTYPE_KEYS, "$ACTION_ID_x", "extra"];
    const change = fc.tuple(
      fc.constantFrom(...keys),
      fc.oneof(
        { arbitrary: fc.constant("delete" as const), weight: 1 },
        { arbitrary: hostileString, weight: 4 },
        { arbitrary: fc.array(hostileString, { maxLength: 25 }), weight: 1 },
        { arbitrary: fc.constant("file" as const), weight: 1 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        const values: Record<string, string | string[]> = VALID[name]!();
        const files: string[] = [];
        for (const [key, value] of changes) {
          delete values[key];
          if (value === "file") files.push(key);
          else if (value !== "delete") values[key] = value;
        }
        const data = form(values);
        for (const key of files) data.append(key, new Blob(["<script>window.__xss=1</script>"], { type: "text/html" }), "x.html");
        const before = rowCounts();
        const result = await submit(name, data);
        expect(result.message.length).toBeGreaterThan(0);
        if (!result.ok) {
          expect(rowCounts()).toEqual(before);
        } else {
          expect(SCHEMA_OF[name]!.safeParse(formDataToObject(data)).success).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("the account actions", () => {
  it("deactivation ends the account's sessions; an editor cannot deactivate themself, and a refusal writes nothing", async () => {
    session.user = EDITOR;
    const target = poolAccount("active");
    expect(sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(target)).toBe(1);
    expect(await submit("deactivateUserAccount", form({ userId: target }))).toMatchObject({ ok: true, message: expect.stringMatching(/1 session ended/) });
    expect(sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(target)).toBe(0);
    session.user = { id: "pool-editor", email: "pool-editor@example.org", name: "Other Editor", role: "editor" };
    const before = rowCounts();
    expect(await submit("deactivateUserAccount", form({ userId: "pool-editor" }))).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect(await submit("deactivateUserAccount", form({ userId: "demo-reviewer-a" }))).toMatchObject({ ok: false, message: expect.stringMatching(/No such account/) });
    expect(rowCounts()).toEqual(before);
    expect(sqlite.prepare("SELECT deactivated_at FROM users WHERE id = 'pool-editor'").pluck().get()).toBeNull();
  });

  it("a reset link is shown once in the answer, stored only as a hash, and refused for a deactivated account", async () => {
    session.user = EDITOR;
    const issued = await submit("issuePasswordReset", form({ userId: "pool-role" }));
    expect(issued).toMatchObject({ ok: true, message: expect.stringMatching(/not shown again: http\S+\/reset-password\?token=/) });
    const token = /token=([\w-]+)/.exec(issued.message)![1]!;
    expect(JSON.stringify(sqlite.prepare("SELECT identifier FROM verifications").all())).not.toContain(token);
    const before = rowCounts();
    const refused = await submit("issuePasswordReset", form({ userId: poolAccount("deactivated") }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/reactivate it first/) });
    expect(rowCounts()).toEqual(before);
  });
});

describe("ending one's own sessions", () => {
  const sessionsOf = (userId: string) => sqlite.prepare("SELECT id FROM sessions WHERE user_id = ? ORDER BY id").pluck().all(userId) as string[];

  it("a reviewer cannot end an editor's session by sending its id: nothing changes", async () => {
    plantSessionPool(2);
    session.user = REVIEWER;
    const editorSessions = sessionsOf(EDITOR.id);
    const before = rowCounts();
    for (const sessionId of [editorSessions.find((id) => id.startsWith("own-"))!, `current-${EDITOR.id}`]) {
      expect(await submit("endOwnSession", form({ sessionId }))).toMatchObject({ ok: false, message: expect.stringMatching(/No such session/) });
    }
    expect(rowCounts()).toEqual(before);
    expect(sessionsOf(EDITOR.id)).toEqual(editorSessions);
  });

  it("ends one's own other session, refuses this browser's own, and signing out everywhere else leaves only this one", async () => {
    plantSessionPool(2);
    session.user = REVIEWER;
    const other = sessionsOf(REVIEWER.id).find((id) => id.startsWith("own-"))!;
    expect(await submit("endOwnSession", form({ sessionId: other }))).toMatchObject({ ok: true, message: expect.stringMatching(/Ended the session on Chromium on Linux/) });
    expect(sessionsOf(REVIEWER.id)).not.toContain(other);
    const before = rowCounts();
    expect(await submit("endOwnSession", form({ sessionId: `current-${REVIEWER.id}` }))).toMatchObject({ ok: false, message: expect.stringMatching(/use Sign out/) });
    expect(rowCounts()).toEqual(before);
    const editorSessions = sessionsOf(EDITOR.id);
    expect(await submit("signOutEverywhereElse", form({ confirm: "yes" }))).toMatchObject({ ok: true, message: expect.stringMatching(/other session/) });
    expect(sessionsOf(REVIEWER.id)).toEqual([`current-${REVIEWER.id}`]);
    expect(sessionsOf(EDITOR.id)).toEqual(editorSessions);
    expect(await submit("signOutEverywhereElse", form({ confirm: "yes" }))).toMatchObject({ ok: false, message: expect.stringMatching(/No other session/) });
  });
});

describe("the editor's decisions and publishing", () => {
  it("a revision is appended: the earlier decision stays, and a form opened before it is refused", async () => {
    session.user = EDITOR;
    const stale = VALID.decideDisagreement!();
    const first = await submit("decideDisagreement", form(stale));
    expect(first.ok, first.message).toBe(true);
    const before = rowCounts();
    const refused = await submit("decideDisagreement", form(stale));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/after you opened the form/) });
    expect(rowCounts()).toEqual(before);
    const revised = await submit("decideDisagreement", form({ ...VALID.decideDisagreement!(), stands: String(disputed.assessmentId) }));
    expect(revised).toMatchObject({ ok: true, message: expect.stringMatching(/revised/) });
    expect(rowCounts().editor_decisions).toBe(before.editor_decisions! + 1);
    // Choosing a reviewer's assessment writes no ruling of the editor's own.
    expect(rowCounts().assessments).toBe(before.assessments);
  });

  it("an own ruling needs a status and a rationale, and writes nothing without them", async () => {
    session.user = EDITOR;
    const before = rowCounts();
    const result = await submit("decideDisagreement", form({ ...VALID.decideDisagreement!(), status: "", rationale: "" }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(["rationale", "status"]);
    expect(rowCounts()).toEqual(before);
  });

  it("refuses to publish a thinly scored round as preliminary unless the editor accepts it", async () => {
    session.user = EDITOR;
    sqlite.prepare("INSERT INTO rounds (slug, track_id, name, start_date, date_precision) SELECT 'hrc-thin', id, 'A thin session', '2019-02-25', 'day' FROM tracks WHERE slug = 'un-hrc'").run();
    // The writer's refresh after adding the round, as the action that adds one does.
    const { refreshPublishedAggregates } = await import("@/db/commands/published-aggregates");
    await refreshPublishedAggregates((await import("@/db/client")).getDb());
    const before = rowCounts();
    const refused = await submit("publishRoundScores", form({ roundSlug: "hrc-thin", confirm: "yes" }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/preliminary/) });
    expect(rowCounts()).toEqual(before);
    const accepted = await submit("publishRoundScores", form({ roundSlug: "hrc-thin", confirm: "yes", acceptPreliminary: "yes" }));
    expect(accepted).toMatchObject({ ok: true, message: expect.stringMatching(/marked preliminary/) });
  });
});
