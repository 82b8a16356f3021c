// Moving up (issue 18, item 4): a SQLite instance's JSON backup restored into an empty PostgreSQL
// database holds every table's rows and gives the same read-API answers. Runs under `npm run test:pg`
// (it needs the cluster); skipped on SQLite alone. The dialect is fixed when the app's modules load,
// so each side runs on modules loaded afresh with its own environment (vi.resetModules).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";

const POSTGRES_URL = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const dir = mkdtempSync(path.join(tmpdir(), "scorecard-restore-pg-"));
const sqliteFile = path.join(dir, "source.db");
const backupFile = path.join(dir, "backup.json");

// The read API as a reader asks it: figures, scores, releases (with a changelog), lists, in both languages.
const API_ANSWERS: Array<[string, string]> = [
  ["summary", "/api/v1/summary"],
  ["summary", "/api/v1/summary?release=1"],
  ["scores", "/api/v1/scores?pageSize=200"],
  ["scores", "/api/v1/scores?release=1&pageSize=50"],
  ["releases", "/api/v1/releases"],
  ["release 2", "/api/v1/releases/2?pageSize=20"],
  ["rounds", "/api/v1/rounds?lang=zh"],
  ["benchmarks", "/api/v1/benchmarks?pageSize=100&lang=zh"],
  ["people", "/api/v1/people?pageSize=100"],
  ["laws", "/api/v1/laws"],
  ["statements", "/api/v1/statements"],
  ["tracks", "/api/v1/tracks"],
];

function useDialect(env: { url?: string; path: string }) {
  const global = globalThis as { scorecardDb?: { $client: { close(): unknown } } };
  void global.scorecardDb?.$client.close();
  delete global.scorecardDb;
  if (env.url) {
    process.env.DATABASE_URL = env.url;
    process.env.SCORECARD_PG_DATABASE_PER_FILE = "1";
  } else {
    delete process.env.DATABASE_URL;
    delete process.env.SCORECARD_PG_DATABASE_PER_FILE;
  }
  process.env.DATABASE_PATH = env.path;
  vi.resetModules();
}

async function readApiAnswers(): Promise<Record<string, unknown>> {
  const { handleApi } = await import("@/server/api/handlers");
  const releaseRoute = await import("@/app/api/v1/releases/[number]/route");
  const answers: Record<string, unknown> = {};
  for (const [name, url] of API_ANSWERS) {
    const request = new Request(`http://localhost${url}`);
    const response = name.startsWith("release ")
      ? await releaseRoute.GET(request, { params: Promise.resolve({ number: name.slice("release ".length) }) })
      : await handleApi(name as never, request);
    answers[url] = { status: response.status, etag: response.headers.get("etag"), body: await response.json() };
  }
  return answers;
}

/** Every row of every table as text, sorted: the two databases' values compared without their drivers' types. */
const asText = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row.map((v) => (v === null ? null : Buffer.isBuffer(v) ? v.toString("base64") : String(v))))).sort();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (POSTGRES_URL) useDialect({ url: POSTGRES_URL, path: ":memory:" });
});

describe.skipIf(!POSTGRES_URL)("a SQLite instance's backup restored into PostgreSQL", () => {
  it("reproduces every table and the same read-API answers, and refuses a database that holds data", async () => {
    // The SQLite instance: seeded, with a second release (a round published again with a correction).
    useDialect({ path: sqliteFile });
    const { prepareDatabase } = await import("@/db/prepare");
    await prepareDatabase(sqliteFile);
    const { openDatabase } = await import("@/db/client");
    const source = openDatabase(sqliteFile);
    const { publishRound } = await import("@/db/commands/publishing");
    const { rawGet } = await import("@/db/testing/raw-sql");
    const round = (await rawGet<{ id: number }>(source, "SELECT id FROM rounds WHERE published_at IS NOT NULL ORDER BY start_date DESC LIMIT 1"))!;
    await publishRound(source, round.id, "demo-editor", { note: "Republished before the move.", acceptPreliminary: true });
    source.$client.close();
    const { writeJsonBackup } = await import("@/db/backup/json-backup");
    await writeJsonBackup(sqliteFile, backupFile);
    const sqliteAnswers = await readApiAnswers();

    const sqlite = new Database(sqliteFile, { readonly: true });
    const tableNames = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'").all() as Array<{ name: string }>).map((t) => t.name);
    const sqliteTables = new Map(
      tableNames.map((name) => {
        const columns = (sqlite.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name);
        return [name, { columns, rows: asText(sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${name}"`).raw(true).all() as unknown[][]) }];
      }),
    );
    sqlite.close();

    // PostgreSQL: an empty database of its own, restored into.
    const target = path.join(dir, "restored");
    useDialect({ url: POSTGRES_URL, path: target });
    const { restoreJsonBackupToPostgres } = await import("./json-restore-postgres");
    const summary = await restoreJsonBackupToPostgres(backupFile, target);
    const backup = JSON.parse(readFileSync(backupFile, "utf8")) as { tables: Record<string, { rows: unknown[] }> };
    expect(summary.rows).toBe(Object.values(backup.tables).reduce((n, t) => n + t.rows.length, 0));

    const { openDatabase: openPg } = await import("@/db/client");
    const { allValueRows } = await import("@/db/dialect");
    const { sql } = await import("drizzle-orm");
    const pg = openPg(target);
    try {
      for (const [name, { columns, rows }] of sqliteTables) {
        const restored = await allValueRows<unknown[]>(pg, sql`SELECT ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} FROM ${sql.identifier(name)}`);
        expect(asText(restored), `table ${name}`).toEqual(rows);
      }
      expect(sqliteTables.get("release_scores")!.rows.length).toBeGreaterThan(0);
      expect(sqliteTables.get("releases")!.rows.length).toBe(2);
    } finally {
      await pg.$client.close();
    }
    expect(await readApiAnswers()).toEqual(sqliteAnswers);

    // A new id continues after the backup's: nothing handed out twice.
    const { rawInsert } = await import("@/db/testing/raw-sql");
    const again = openPg(target);
    try {
      const maxAudit = Math.max(...(sqliteTables.get("audit_log")!.rows.map((r) => Number((JSON.parse(r) as string[])[sqliteTables.get("audit_log")!.columns.indexOf("id")]))));
      const id = await rawInsert(again, "INSERT INTO audit_log (user_id, action, entity, entity_id, before, after) VALUES (NULL, 'test.move', 'test', '1', NULL, NULL)");
      expect(id).toBeGreaterThan(maxAudit);
    } finally {
      await again.$client.close();
    }

    // The triggers are on again after the load (it turns them off): a public write marks published data,
    // and a release still refuses a change.
    const after = openPg(target);
    try {
      const { rawGet, rawRun } = await import("@/db/testing/raw-sql");
      const version = async () => Number((await rawGet<{ v: number }>(after, "SELECT version AS v FROM data_version WHERE id = 1"))!.v);
      const before = await version();
      await rawRun(after, "UPDATE tracks SET name = name || ' (moved)' WHERE id = (SELECT min(id) FROM tracks)");
      expect(await version()).toBeGreaterThan(before);
      await expect(rawRun(after, "UPDATE releases SET note = 'rewritten'")).rejects.toThrow();
      expect(await rawGet<{ n: number }>(after, "SELECT count(*) AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'")).toEqual({ n: 0 });
    } finally {
      await after.$client.close();
    }

    // Restoring again into the same database is refused, and nothing changes.
    await expect(restoreJsonBackupToPostgres(backupFile, target)).rejects.toThrow(/is not empty/);
  });

  it("leaves the target empty when the backup is broken half-way", async () => {
    const truncated = path.join(dir, "truncated.json");
    const whole = readFileSync(backupFile, "utf8");
    writeFileSync(truncated, whole.slice(0, Math.floor(whole.length * 0.6)));
    const target = path.join(dir, "restored-broken");
    useDialect({ url: POSTGRES_URL, path: target });
    const { restoreJsonBackupToPostgres } = await import("./json-restore-postgres");
    await expect(restoreJsonBackupToPostgres(truncated, target)).rejects.toThrow(/incomplete|not valid JSON/);
    // Nothing was kept: the same database takes the whole backup afterwards.
    await expect(restoreJsonBackupToPostgres(backupFile, target)).resolves.toMatchObject({ tables: expect.any(Number) });
  });
});
