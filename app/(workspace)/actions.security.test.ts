// Every server action that changes data, called as an attacker would: without a session, with a
// role that may not, with malformed and oversized input, and with arbitrary form payloads
// (property-based, fast-check). None of those may change a single row; only valid input may.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionState } from "@/lib/auth/guard";
import { newAccountSchema } from "@/lib/auth/accounts";
import { formDataToObject } from "@/lib/auth/guard";
import { hostileString, PROTOTYPE_KEYS } from "@/lib/testing/hostile-input";
import { rowCounter } from "@/lib/testing/row-counts";
import { assessmentFormSchema } from "@/lib/validation/assessment";
import {
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
  retireBenchmarkSchema,
} from "@/lib/validation/editor";
import { addSourceSchema, confirmDemandSchema, newStatementSchema } from "@/lib/validation/statement";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/actions-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
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
  prepareDatabase(process.env.DATABASE_PATH!);
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
  actions = { ...review, ...editor, ...reference, ...statementActions } as unknown as Record<string, Action>;
});

const VALID: Record<string, () => Record<string, string | string[]>> = {
  saveAssessment: () => ({ roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedLatestId: latestId("release-yu-wensheng", "hrc-37", REVIEWER.id), status: "not_met", rationale: "Still detained at this round.", "evidenceUrl[]": ["https://example.org/a"], "evidenceTitle[]": ["A report"], "evidenceDate[]": [""] }),
  createUserAccount: () => ({ name: "New Reviewer", email: `new-${Math.random().toString(36).slice(2)}@example.org`, role: "reviewer", password: "a-long-password" }),
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
  createTrack: () => ({ slug: `track-${unique()}`, name: "EU–China dialogue", shortName: "EU–China", description: "" }),
  createCategory: () => ({ slug: `category-${unique()}`, name: "Freedom of religion", description: "" }),
  createSubject: () => ({ kind: "person", slug: `person-${unique()}`, name: "A Person", nameZh: "某人", role: "", article: "", description: "", confidential: "yes" }),
  createSubjectEvent: () => ({ subjectSlug: "liu-xia", kind: "other", occurredOn: "2019-01-01", datePrecision: "month", description: "Spoke to the press.", sourceUrl: "https://example.org/x" }),
  retireBenchmark: () => ({ benchmarkSlug: "release-gui-minhai", retiredOn: "2020-01-01", retiredReason: "Test retirement." }),
  setConfidentiality: () => ({ target: "subject:zhu-yufu", confidential: "yes" }),
  confirmDemand: () => ({ statementSlug: "ngo-2018-hrc37-letter", demand: "Let UN experts visit without escort.", title: `UN experts visit freely ${unique()}`, categorySlug: "international-access-and-accountability", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", "subjectSlugs[]": ["liu-xia"] }),
  addDemandToBenchmark: () => ({ statementSlug: "hrw-2013-kunming-release", benchmarkSlug: "release-liu-xia", demand: "Free her, as asked before." }),
  addStatement: () => ({ title: `A new joint letter ${unique()}`, kind: "ngo_joint_letter", date: "2019-01-15", datePrecision: "day", language: "en", sourceUrl: "", roundSlug: "", publishers: "Group One, Group Two", summary: "", fullText: "1. Release everyone held for speech." }),
};

function unique() {
  return Math.random().toString(36).slice(2, 8);
}

const INVALID: Record<string, Record<string, string | string[]>> = {
  saveAssessment: { roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedLatestId: "0", status: "excellent", rationale: "no", "evidenceUrl[]": ["javascript:alert(1)"], "evidenceTitle[]": ["x"] },
  createUserAccount: { name: "", email: "not-an-email", role: "admin", password: "short" },
  createRound: { trackSlug: "un-hrc", slug: "Bad Slug!", name: "", startDate: "2019-13-45", datePrecision: "week" },
  setScoringDeadline: { roundSlug: "hrc-37", scoringDeadline: "tomorrow" },
  decideDisagreement: { roundSlug: "hrc-37", benchmarkSlug: "release-yu-wensheng", expectedDecisionId: "0", stands: "abc", status: "excellent", "evidenceUrl[]": ["javascript:alert(1)"], "evidenceTitle[]": ["x"] },
  publishRoundScores: { roundSlug: "hrc-37", acceptPreliminary: "maybe" },
  setMinCoverage: { minCoveragePercent: "150" },
  createTrack: { slug: "", name: "", shortName: "" },
  createCategory: { slug: "Not A Slug", name: "" },
  createSubject: { kind: "planet", slug: "x", name: "" },
  createSubjectEvent: { subjectSlug: "liu-xia", kind: "abducted-by-aliens", occurredOn: "yesterday", datePrecision: "day", description: "", sourceUrl: "javascript:alert(1)" },
  retireBenchmark: { benchmarkSlug: "release-gui-minhai", retiredOn: "soon", retiredReason: "" },
  setConfidentiality: { target: "users:demo-editor", confidential: "maybe" },
  confirmDemand: { statementSlug: "ngo-2018-hrc37-letter", demand: "", title: "x", categorySlug: "nope nope", addressee: "martians", appliesFromRoundSlug: "" },
  addDemandToBenchmark: { statementSlug: "ngo-2018-hrc37-letter", benchmarkSlug: "DROP TABLE", demand: "" },
  addStatement: { title: "", kind: "tweet", date: "2019", datePrecision: "day", language: "", sourceUrl: "javascript:alert(1)", roundSlug: "", publishers: "", fullText: "" },
};

const EDITOR_ONLY = [
  "createUserAccount",
  "createRound",
  "setScoringDeadline",
  "decideDisagreement",
  "publishRoundScores",
  "setMinCoverage",
  "createTrack",
  "createCategory",
  "createSubject",
  "createSubjectEvent",
  "retireBenchmark",
  "setConfidentiality",
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

describe("statements to benchmarks", () => {
  it("refuses a benchmark that would apply before the statement that raised it", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const result = await actions.confirmDemand!(null, form({ ...VALID.confirmDemand!(), appliesFromRoundSlug: "uschrd-2012-washington" }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/before the statement/) });
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
});

/** The schema each action validates with: an accepted arbitrary payload must be one it accepts. */
const SCHEMA_OF: Record<string, z.ZodType> = {
  saveAssessment: assessmentFormSchema,
  createUserAccount: newAccountSchema,
  createRound: newRoundSchema,
  setScoringDeadline: deadlineSchema,
  decideDisagreement: decisionSchema,
  publishRoundScores: publishSchema,
  setMinCoverage: minCoverageSchema,
  createTrack: newTrackSchema,
  createCategory: newCategorySchema,
  createSubject: newSubjectSchema,
  createSubjectEvent: newSubjectEventSchema,
  retireBenchmark: retireBenchmarkSchema,
  setConfidentiality: confidentialitySchema,
  confirmDemand: confirmDemandSchema,
  addDemandToBenchmark: addSourceSchema,
  addStatement: newStatementSchema,
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
    const before = rowCounts();
    const refused = await submit("publishRoundScores", form({ roundSlug: "hrc-thin", confirm: "yes" }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/preliminary/) });
    expect(rowCounts()).toEqual(before);
    const accepted = await submit("publishRoundScores", form({ roundSlug: "hrc-thin", confirm: "yes", acceptPreliminary: "yes" }));
    expect(accepted).toMatchObject({ ok: true, message: expect.stringMatching(/marked preliminary/) });
  });
});
