import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "extract-cli-"));
const env = { ...process.env, DATABASE_PATH: path.join(dir, "scorecard.db") };
const tsx = path.resolve("node_modules/.bin/tsx");

describe("npm run extract", () => {
  it("prints the demands of a statement file as JSON, matched against the database", () => {
    const file = path.join(dir, "statement.txt");
    writeFileSync(file, "Our asks:\n\n1. China should release Liu Xia and lift her house arrest now.\n2. Journalists should be allowed into every county without escorts.\n");
    const output = execFileSync(tsx, ["scripts/extract.ts", file], { env, encoding: "utf8" });
    const { demands } = JSON.parse(output) as { demands: Array<{ text: string; people: string[]; matches: number[]; addressee: string }> };
    expect(demands).toHaveLength(2);
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const liuXia = (db.prepare("SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'").get() as { id: number }).id;
    db.close();
    expect(demands[0]).toMatchObject({ people: ["liu-xia"], addressee: "chinese_government" });
    expect(demands[0]!.matches[0]).toBe(liuXia);
    expect(demands[1]!.matches).toEqual([]);
  }, 30_000);

  it("fails with a message and exit code 2 for a missing file", () => {
    const result = spawnSync(tsx, ["scripts/extract.ts", path.join(dir, "missing.txt")], { env, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Cannot read");
    expect(result.stdout).toBe("");
  }, 30_000);
});
