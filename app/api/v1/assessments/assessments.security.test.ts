// POST /api/v1/assessments called as an attacker would: without a session, from another site, with
// the wrong content type, oversized, malformed and arbitrary bodies. Each refusal is a 4xx with a
// JSON message and changes no row; a valid score is appended like the review form's.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { hostileObject, mutatedSample } from "@/lib/testing/hostile-input";
import { rowCounter } from "@/db/testing/row-counts";
import { assessmentApiSchema } from "@/lib/validation/assessment";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/assessments-api-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const URL_BASE = "http://localhost:3000/api/v1/assessments";

let sqlite: import("better-sqlite3").Database;
let rowCounts: () => Record<string, number>;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const { getDb } = await import("@/db/client");
  sqlite = getDb().$client;
  rowCounts = rowCounter(sqlite);
  ({ POST } = await import("./route"));
});

function latestId(benchmark = "release-yu-wensheng", round = "hrc-37", reviewer = REVIEWER.id): number {
  return (
    sqlite
      .prepare(
        `SELECT COALESCE(MAX(a.id), 0) AS id FROM assessments a JOIN benchmarks b ON b.id = a.benchmark_id JOIN rounds r ON r.id = a.round_id
          WHERE b.slug = ? AND r.slug = ? AND a.reviewer_id = ?`,
      )
      .get(benchmark, round, reviewer) as { id: number }
  ).id;
}

const valid = () => ({
  round: "hrc-37",
  benchmark: "release-yu-wensheng",
  expectedLatestId: latestId(),
  status: "not_met",
  rationale: "Still detained at this round, by public reports.",
  evidence: [{ url: "https://example.org/report", title: "A public report", publishedOn: "2018-03-01" }],
});

function post(body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request(URL_BASE, { method: "POST", body, headers: { "content-type": "application/json", host: "localhost:3000", ...headers }, duplex: "half" } as RequestInit));
}

async function expectRefused(response: Response, status: number, message: RegExp, before: Record<string, number>) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = (await response.json()) as { error: string; problems?: string[] };
  expect(body.error).toMatch(message);
  expect(rowCounts()).toEqual(before);
  return body;
}

describe("POST /api/v1/assessments refuses", () => {
  it("a caller without a session with a 401, before reading the body", async () => {
    session.user = null;
    const before = rowCounts();
    let read = false;
    // highWaterMark 0: the stream is pulled only when someone reads the body.
    const body = new ReadableStream(
      {
        pull(controller) {
          read = true;
          controller.enqueue(new TextEncoder().encode(JSON.stringify(valid())));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    await expectRefused(await post(body), 401, /not signed in/, before);
    expect(read).toBe(false);
  });

  it("a role that may not score with a 403", async () => {
    session.user = { ...REVIEWER, role: "observer" as SessionUser["role"] };
    await expectRefused(await post(JSON.stringify(valid())), 403, /not allowed/, rowCounts());
  });

  it("a post from another site with a 403 (a page elsewhere cannot score in a reviewer's name)", async () => {
    session.user = REVIEWER;
    await expectRefused(await post(JSON.stringify(valid()), { origin: "https://evil.example" }), 403, /from this site/, rowCounts());
    await expectRefused(await post(JSON.stringify(valid()), { origin: "null" }), 403, /from this site/, rowCounts());
  });

  it("anything but JSON with a 415, so a plain cross-site form cannot post one", async () => {
    session.user = REVIEWER;
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
      await expectRefused(await post(JSON.stringify(valid()), { "content-type": type }), 415, /Content-Type: application\/json/, rowCounts());
    }
  });

  it("a body over 256 KB with a 413, whether its length is declared or streamed", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const huge = JSON.stringify({ ...valid(), rationale: "x".repeat(1_048_576) });
    await expectRefused(await post(huge), 413, /larger than 256 KB/, before);
    await expectRefused(await post("{}", { "content-length": String(10 * 1024 * 1024) }), 413, /larger than/, before);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream({
      pull(controller) {
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    await expectRefused(await post(endless), 413, /larger than/, before);
    expect(sent).toBeLessThan(10);
  });

  it("a body that is not JSON or not UTF-8 with a 400", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    for (const body of ["", "{", "not json", "{'a': 1}"]) await expectRefused(await post(body), 400, /not valid JSON/, before);
    await expectRefused(await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400, /UTF-8/, before);
  });

  it("invalid fields with a 400 that names each, javascript: evidence included", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const body = await expectRefused(
      await post(JSON.stringify({ ...valid(), status: "excellent", rationale: "no", evidence: [{ url: "javascript:window.__xss=1", title: "x" }], extra: 1 })),
      400,
      /Nothing was saved/,
      before,
    );
    const problems = body.problems!.join("\n");
    expect(problems).toMatch(/^status: Choose a status/m);
    expect(problems).toMatch(/^rationale: .*10 characters/m);
    expect(problems).toMatch(/^evidence\.0\.url: Use a full http/m);
    expect(problems).toMatch(/extra/);
    await expectRefused(await post(JSON.stringify({ ...valid(), rationale: "y".repeat(5000) })), 400, /Nothing was saved/, before);
  });

  it("an unknown benchmark with a 404 and one that does not apply at the round with a 400", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    await expectRefused(await post(JSON.stringify({ ...valid(), benchmark: "no-such-benchmark" })), 404, /no longer exists/, before);
    await expectRefused(await post(JSON.stringify({ ...valid(), round: "uschrd-2012-washington", expectedLatestId: 0 })), 400, /does not apply/, before);
  });

  it("a stale score with a 409 that gives the current latest id, overwriting nothing", async () => {
    session.user = REVIEWER;
    const stale = valid();
    expect((await post(JSON.stringify({ ...stale, rationale: "First tab saves first, still held." }))).status).toBe(201);
    const before = rowCounts();
    const body = (await expectRefused(await post(JSON.stringify(stale)), 409, /after you opened the form. Nothing was saved/, before)) as unknown as { latestId: number };
    expect(body.latestId).toBe(latestId());
  });
});

describe("POST /api/v1/assessments saves", () => {
  it("a valid score as a new assessment with its evidence and an audit entry", async () => {
    session.user = REVIEWER;
    const before = rowCounts();
    const response = await post(JSON.stringify(valid()), { origin: "http://localhost:3000" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; message: string };
    expect(body.message).toMatch(/Saved/);
    expect(body.id).toBe(latestId());
    const after = rowCounts();
    expect(after.assessments).toBe(before.assessments! + 1);
    expect(after.evidence_links).toBe(before.evidence_links! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    expect(sqlite.prepare("SELECT rationale FROM assessments WHERE id = ?").get(body.id)).toEqual({ rationale: "Still detained at this round, by public reports." });
  });

  it("nothing from arbitrary bodies unless the schema accepts them", async () => {
    session.user = REVIEWER;
    const sample = valid();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileObject(Object.keys(sample)), mutatedSample(sample)), async (input) => {
        const body = { ...input, expectedLatestId: "expectedLatestId" in input ? input.expectedLatestId : latestId() };
        const before = rowCounts();
        const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
        const response = await post(text);
        if (response.status === 201) {
          expect(assessmentApiSchema.safeParse(JSON.parse(text)).success).toBe(true);
          expect(rowCounts().assessments).toBe(before.assessments! + 1);
        } else {
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(0);
          expect(rowCounts()).toEqual(before);
        }
      }),
      { numRuns: 80 },
    );
  });
});
