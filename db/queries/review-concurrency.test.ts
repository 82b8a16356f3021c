// Two reviewers saving the same benchmark and round at the same moment, each from a process and a
// database connection of its own (as two server workers would): both keep every assessment and
// nothing is overwritten. The same reviewer saving from two tabs at once: exactly one save wins,
// the other is refused as stale. And a streaming export holds up neither writers nor readers.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { ActionState } from "@/server/auth/guard";
import { usesPostgres } from "@/db/dialect";
import { rawAll, rawCount } from "@/db/testing/raw-sql";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/concurrency-test-${process.pid}-${Date.now()}.db`;
  return { queue: [] as SessionUser[] };
});
// Each action call takes the next user from the queue, so two calls in flight are two people.
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.queue.shift() ?? null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const ROUND = "hrc-37";
const BENCHMARK = "release-yu-wensheng";
const A: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const B: SessionUser = { id: "demo-reviewer-b", email: "b@example.org", name: "B", role: "reviewer" };

let db: import("@/db/client").Db;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  db = getDb();
});

const assessmentsOf = (reviewer: string) =>
  rawAll<{ id: number; rationale: string }>(
    db,
    `SELECT a.id, a.rationale FROM assessments a JOIN rounds r ON r.id = a.round_id JOIN benchmarks b ON b.id = a.benchmark_id
      WHERE r.slug = ? AND b.slug = ? AND a.reviewer_id = ? ORDER BY a.id`,
    ROUND,
    BENCHMARK,
    reviewer,
  );
const auditEntries = () => rawCount(db, "SELECT COUNT(*) AS n FROM audit_log");

/** A reviewer process with its own connection; send() writes a command and resolves with its answer. */
class Saver {
  private child: ChildProcessWithoutNullStreams;
  private lines: Interface;
  private waiting: Array<(line: string) => void> = [];
  ready: Promise<void>;

  constructor(reviewerId: string) {
    this.child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/testing/concurrent-saver.ts", process.env.DATABASE_PATH!, reviewerId, ROUND, BENCHMARK]);
    this.child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on("line", (line) => this.waiting.shift()?.(line));
    this.ready = new Promise((resolve) => this.waiting.push(() => resolve()));
  }

  send<T>(command: string): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(JSON.parse(line) as T));
      this.child.stdin.write(`${command}\n`);
    });
  }

  quit() {
    this.child.stdin.end("quit\n");
    return new Promise((resolve) => this.child.on("exit", resolve));
  }
}

type SaveResult = { id?: number; conflict?: string; error?: string };

describe("two reviewers, two connections, one benchmark and round", () => {
  let savers: Saver[];
  beforeAll(async () => {
    savers = [new Saver(A.id), new Saver(B.id)];
    await Promise.all(savers.map((s) => s.ready));
  }, 30_000);
  afterAll(async () => {
    await Promise.all(savers.map((s) => s.quit()));
  });

  it("both keep every assessment when they save at the same moment, over and over", async () => {
    const before = { a: (await assessmentsOf(A.id)).length, b: (await assessmentsOf(B.id)).length, audit: await auditEntries() };
    // Both bursts are released together and contend for the write lock the whole time.
    const [a, b] = await Promise.all(savers.map((s) => s.send<SaveResult[]>("burst 150")));
    for (const results of [a!, b!]) {
      expect(results.filter((r) => r.error || r.conflict)).toEqual([]);
      expect(results).toHaveLength(150);
    }
    const ids = [...a!, ...b!].map((r) => r.id!);
    expect(new Set(ids).size).toBe(300);
    // The two bursts really interleaved: each reviewer's ids are not one block.
    const sortedA = a!.map((r) => r.id!);
    const interleaved = b!.some((r) => r.id! > sortedA[0]! && r.id! < sortedA.at(-1)!);
    expect(interleaved).toBe(true);

    const rowsA = await assessmentsOf(A.id);
    const rowsB = await assessmentsOf(B.id);
    expect(rowsA).toHaveLength(before.a + 150);
    expect(rowsB).toHaveLength(before.b + 150);
    // Every acknowledged save is there with its own text, in order: nothing was overwritten.
    expect(rowsA.slice(before.a).map((r) => r.rationale)).toEqual(Array.from({ length: 150 }, (_, i) => `${A.id} save ${i + 1}: still held.`));
    expect(rowsB.slice(before.b).map((r) => r.rationale)).toEqual(Array.from({ length: 150 }, (_, i) => `${B.id} save ${i + 1}: still held.`));
    expect(await auditEntries()).toBe(before.audit + 300);
    // SQLite's own checks of the file (PostgreSQL enforces its foreign keys on every write).
    if (!usesPostgres()) {
      const sqlite = db.$client;
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    }
  });

  it("the same reviewer saving from two tabs at once: one save wins, the other is refused as stale", async () => {
    const twin = new Saver(A.id);
    await twin.ready;
    try {
      for (let race = 0; race < 15; race++) {
        const latest = (await assessmentsOf(A.id)).at(-1)?.id ?? 0;
        const before = (await assessmentsOf(A.id)).length;
        const results = await Promise.all([savers[0]!.send<SaveResult>(`race ${latest}`), twin.send<SaveResult>(`race ${latest}`)]);
        expect(results.filter((r) => r.id)).toHaveLength(1);
        expect(results.filter((r) => r.conflict)[0]?.conflict).toMatch(/after you opened the form. Nothing was saved/);
        expect(await assessmentsOf(A.id)).toHaveLength(before + 1);
      }
    } finally {
      await twin.quit();
    }
  });
});

describe("two reviewers' form posts in flight together", () => {
  it("both are saved; neither overwrites the other", async () => {
    const { saveAssessment } = (await import("@/app/[locale]/(workspace)/review/actions")) as unknown as {
      saveAssessment: (state: ActionState | null, form: FormData) => Promise<ActionState>;
    };
    const form = async (reviewer: SessionUser) => {
      const data = new FormData();
      const latest = (await assessmentsOf(reviewer.id)).at(-1)?.id ?? 0;
      for (const [k, v] of Object.entries({ roundSlug: ROUND, benchmarkSlug: BENCHMARK, expectedLatestId: String(latest), status: "partial", rationale: `In flight with another save, by ${reviewer.id}.` })) data.append(k, v);
      return data;
    };
    const before = [(await assessmentsOf(A.id)).length, (await assessmentsOf(B.id)).length];
    for (let i = 0; i < 10; i++) {
      const forms = [await form(A), await form(B)];
      session.queue.push(A, B);
      const results = await Promise.all(forms.map((f) => saveAssessment(null, f)));
      expect(results.map((r) => r.ok)).toEqual([true, true]);
    }
    expect(await assessmentsOf(A.id)).toHaveLength(before[0]! + 10);
    expect(await assessmentsOf(B.id)).toHaveLength(before[1]! + 10);
    expect((await assessmentsOf(A.id)).at(-1)!.rationale).toContain(A.id);
    expect((await assessmentsOf(B.id)).at(-1)!.rationale).toContain(B.id);
  });
});

describe("a streaming export", () => {
  it("holds up neither a reviewer's save nor the dashboard while a slow client reads it", async () => {
    const { GET } = await import("@/app/exports/scores.csv/route");
    const { getDashboardData } = await import("@/db/queries/dashboard");
    const { saveScore } = await import("@/db/commands/review");
    const { getDb } = await import("@/db/client");
    const expectedRows = await rawCount(db, "SELECT COUNT(*) AS n FROM published_scores ps JOIN benchmarks b ON b.id = ps.benchmark_id JOIN rounds r ON r.id = ps.round_id WHERE b.confidential = 0 AND r.published_at IS NOT NULL");
    const reader = (await GET(new Request("http://localhost/exports/scores.csv"))).body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);

    // The export's read connection is open mid-statement; a write and a full dashboard read go ahead.
    const started = performance.now();
    const latest = (await assessmentsOf(B.id)).at(-1)?.id ?? 0;
    const { id } = await saveScore(getDb(), { roundSlug: ROUND, benchmarkSlug: BENCHMARK, reviewerId: B.id, status: "met", rationale: "Saved while an export streams.", evidence: [], expectedLatestId: latest });
    expect((await assessmentsOf(B.id)).at(-1)!.id).toBe(id);
    expect((await getDashboardData(getDb(), {})).rounds.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);

    const chunks = [first.value!];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(chunks.length).toBeGreaterThan(1);
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    const { parse } = await import("csv-parse/sync");
    expect((parse(text, { bom: true, columns: true }) as unknown[]).length).toBe(expectedRows);
  });
});
