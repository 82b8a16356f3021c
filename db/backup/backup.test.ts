// Backup and restore on real files: a seeded database goes out as JSON and comes back identical, a
// restore refuses what it must refuse without leaving anything behind, and the online copy stays
// consistent while another connection writes.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../prepare";
import { BackupError } from "./format";
import { writeJsonBackup } from "./json-backup";
import { restoreJsonBackup } from "./json-restore";
import { writeOnlineBackup } from "./online-backup";
import { appMigrations, listBackupTables, quoteName } from "./tables";

const dir = mkdtempSync(path.join(tmpdir(), "scorecard-backup-"));
const file = (name: string) => path.join(dir, name);
const source = file("source.db");

/** Every table's rows, integers as bigint, so an integer and a real of the same value differ. */
function dump(dbFile: string): Record<string, unknown[][]> {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      listBackupTables(sqlite).map((t) => [
        t.name,
        sqlite.prepare(`SELECT ${t.columns.map(quoteName).join(", ")} FROM ${quoteName(t.name)} ORDER BY ${t.orderBy}`).raw(true).safeIntegers(true).all() as unknown[][],
      ]),
    );
  } finally {
    sqlite.close();
  }
}

const withoutTimestamp = (json: string) => json.replace(/^"createdAt": ".*",$/m, "");

beforeAll(async () => {
  await prepareDatabase(source);
  // Values the seed does not have: an integer beyond 2^53, a real in an integer column, a blob.
  const sqlite = new Database(source);
  sqlite.prepare("INSERT INTO audit_log (id, at, action, entity, entity_id, before, after) VALUES (?, ?, 'test.values', 'test', '1', ?, ?)").run(2n ** 62n + 1n, "2020-01-01T00:00:00.000Z", Buffer.from([0, 255, 10]), '{"note":"中文"}');
  sqlite.prepare("INSERT INTO verifications (id, identifier, value, expires_at, created_at) VALUES ('v1', 'x', 'y', 1234.5, NULL)").run();
  // A deleted row leaves its AUTOINCREMENT counter above the largest id: the restore must keep it there.
  sqlite.prepare("INSERT INTO tracks (slug, name, short_name) VALUES ('gone', 'Gone', 'G')").run();
  sqlite.prepare("DELETE FROM tracks WHERE slug = 'gone'").run();
  sqlite.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("JSON backup and restore", () => {
  it("round-trips the database exactly: every table, row by row, with its types", async () => {
    const first = await writeJsonBackup(source, file("first.json"));
    expect(first.tables).toBeGreaterThan(20);
    const restored = await restoreJsonBackup(file("first.json"), file("restored.db"));
    expect(restored.rows).toBe(first.rows);

    const before = dump(source);
    const after = dump(file("restored.db"));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    // The tables that matter are really there, history and drizzle's record included.
    expect(before.assessments!.length).toBeGreaterThan(100);
    // Benchmarks' scopes travel with them (a table like any other).
    expect(before.benchmark_tracks!.length).toBeGreaterThan(10);
    expect(before.__drizzle_migrations!.length).toBe(appMigrations().length);
    expect(after.data_version).toEqual(before.data_version);
    expect(after.audit_log!.find((r) => r[0] === 2n ** 62n + 1n)?.[6]).toEqual(Buffer.from([0, 255, 10]));
    expect(after.verifications![0]![3]).toBe(1234.5);
    const trackCounter = (rows: unknown[][]) => rows.find((r) => r[0] === "tracks")?.[1];
    expect(trackCounter(after.sqlite_sequence!)).toBe(trackCounter(before.sqlite_sequence!));
    expect(Number(trackCounter(after.sqlite_sequence!))).toBeGreaterThan(after.tracks!.length);

    await writeJsonBackup(file("restored.db"), file("second.json"));
    const [a, b] = [readFileSync(file("first.json"), "utf8"), readFileSync(file("second.json"), "utf8")];
    expect(a).not.toBe(b);
    expect(withoutTimestamp(b)).toBe(withoutTimestamp(a));
  });

  it("writes a header with format version, app version, migrations and time before the tables", async () => {
    const json = JSON.parse(readFileSync(file("first.json"), "utf8"));
    expect(json).toMatchObject({ format: "dialogue-scorecard-backup", formatVersion: 1, appVersion: expect.any(String), createdAt: expect.stringMatching(/^\d{4}-/) });
    expect(json.migrations).toEqual(appMigrations().map((m) => expect.objectContaining({ tag: m.tag, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })));
    expect(json.migrations[0]).toEqual(expect.objectContaining({ tag: "0000_init" }));
    expect(Object.keys(json)).toEqual(["format", "formatVersion", "appVersion", "createdAt", "migrations", "tables"]);
    expect(json.tables.benchmarks.rowCount).toBe(json.tables.benchmarks.rows.length);
  });

  it("refuses to overwrite an existing backup", async () => {
    await expect(writeJsonBackup(source, file("first.json"))).rejects.toThrow(/already exists/);
  });

  it("refuses a database that holds data and changes nothing in it", async () => {
    const bytes = readFileSync(source);
    const rows = dump(source);
    await expect(restoreJsonBackup(file("first.json"), source)).rejects.toThrow(/is not empty .*Nothing was changed/);
    expect(readFileSync(source).equals(bytes)).toBe(true);
    expect(dump(source)).toEqual(rows);
  });

  it("restores into an existing empty file", async () => {
    writeFileSync(file("empty.db"), "");
    const result = await restoreJsonBackup(file("first.json"), file("empty.db"));
    expect(result.rows).toBeGreaterThan(1000);
  });

  const edited = (name: string, edit: (json: string) => string) => {
    writeFileSync(file(name), edit(readFileSync(file("first.json"), "utf8")));
    return file(name);
  };

  it.each([
    ["an unknown format version", (j: string) => j.replace('"formatVersion": 1', '"formatVersion": 2'), /format version 2; this version of the app reads version 1/],
    ["another migration set", (j: string) => j.replace(/"hash":"[0-9a-f]{4}/, '"hash":"0000'), /made by a database with migrations \[0000_init \(0000/],
    ["a file that is not a backup", () => '{"hello": "world"}', /not a Dialogue Scorecard backup/],
    ["a cut-off file", (j: string) => j.slice(0, Math.floor(j.length / 2)), /incomplete or not valid JSON/],
    ["a row that breaks a foreign key", (j: string) => j.replace(/^\[1,1,1,"demo-reviewer-a"/m, '[1,999999,1,"demo-reviewer-a"'), /breaks 1 foreign key\(s\): assessments row 1 → benchmarks/],
    ["a row count that does not add up", (j: string) => j.replace(/"tracks": \{"columns": (\[[^\]]*\]), "rowCount": \d+/, '"tracks": {"columns": $1, "rowCount": 99'), /announces 99 rows but holds/],
  ])("refuses %s and leaves no database behind", async (_label, edit, message) => {
    const backup = edited(`bad-${Math.random().toString(36).slice(2)}.json`, edit);
    const target = file(`never-${Math.random().toString(36).slice(2)}.db`);
    const error = await restoreJsonBackup(backup, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    for (const suffix of ["", "-wal", "-shm"]) expect(existsSync(target + suffix)).toBe(false);
  });
});

describe("backups while another connection writes", () => {
  // A worker thread commits pairs of audit rows (pair.a and pair.b in one transaction) as fast as it can.
  const WRITER = `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require("better-sqlite3");
    const db = new Database(workerData.file);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    const flags = new Int32Array(workerData.shared);
    const insert = db.prepare("INSERT INTO audit_log (action, entity, entity_id) VALUES (?, 'pair', ?)");
    const pair = db.transaction((n) => { insert.run("pair.a", String(n)); insert.run("pair.b", String(n)); });
    parentPort.postMessage("started");
    let n = 0;
    while (Atomics.load(flags, 0) === 0) { pair(n++); Atomics.store(flags, 1, n); }
    db.close();
    parentPort.postMessage("stopped");
  `;

  function startWriter(dbFile: string) {
    const shared = new SharedArrayBuffer(8);
    const flags = new Int32Array(shared);
    const worker = new Worker(WRITER, { eval: true, workerData: { file: dbFile, shared } });
    const started = new Promise((resolve) => worker.once("message", resolve));
    const stop = async () => {
      Atomics.store(flags, 0, 1);
      await new Promise((resolve) => worker.once("message", resolve));
      await worker.terminate();
    };
    return { started, committed: () => Atomics.load(flags, 1), stop };
  }

  function assertWholePairs(rows: Array<{ action: string; entity_id: string }>) {
    const a = new Set(rows.filter((r) => r.action === "pair.a").map((r) => r.entity_id));
    const b = new Set(rows.filter((r) => r.action === "pair.b").map((r) => r.entity_id));
    expect(a.size).toBeGreaterThan(0);
    expect([...a].sort()).toEqual([...b].sort());
  }

  beforeAll(() => {
    // A few MB, so a copy takes long enough for the writer to commit while it runs.
    const sqlite = new Database(source);
    const insert = sqlite.prepare("INSERT INTO audit_log (action, entity, entity_id, after) VALUES ('bulk', 'bulk', ?, ?)");
    sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(String(i), JSON.stringify({ padding: "x".repeat(1000) }));
    })();
    sqlite.close();
  });

  it("the online backup is a consistent copy made while the writer commits", async () => {
    const writer = startWriter(source);
    await writer.started;
    // Wait for the writer's first commit rather than a fixed time: on a loaded machine 50 ms may see none.
    while (writer.committed() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const before = writer.committed();
    const result = await writeOnlineBackup(source, file("online.db"));
    const after = writer.committed();
    await writer.stop();
    expect(after, "the writer committed while the backup ran").toBeGreaterThan(before);
    expect(result.pages).toBeGreaterThan(100);

    const copy = new Database(file("online.db"), { readonly: true, fileMustExist: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("foreign_key_check")).toEqual([]);
    assertWholePairs(copy.prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'pair'").all() as Array<{ action: string; entity_id: string }>);
    expect((copy.prepare("SELECT count(*) AS n FROM benchmarks").get() as { n: number }).n).toBe(49);
    copy.close();
    expect(statSync(file("online.db")).size).toBeGreaterThan(4_000_000);
  });

  it("the JSON backup reads one snapshot while the writer commits", async () => {
    const writer = startWriter(source);
    await writer.started;
    const before = writer.committed();
    await writeJsonBackup(source, file("busy.json"));
    const after = writer.committed();
    await writer.stop();
    expect(after).toBeGreaterThan(before);
    const json = JSON.parse(readFileSync(file("busy.json"), "utf8"));
    const columns: string[] = json.tables.audit_log.columns;
    const rows = (json.tables.audit_log.rows as unknown[][]).map((r) => ({ action: r[columns.indexOf("action")] as string, entity: r[columns.indexOf("entity")], entity_id: r[columns.indexOf("entity_id")] as string }));
    assertWholePairs(rows.filter((r) => r.entity === "pair"));
  });
});
