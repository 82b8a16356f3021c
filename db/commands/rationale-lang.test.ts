// An assessment records the language its rationale is written in, detected from the text when saved.
import { rawAll, rawGet } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { createAssessment } from "./review";

let db: Db;

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const idOf = async (table: string, slug: string) => ((await rawGet(db, `SELECT id FROM ${table} WHERE slug = ?`, slug)) as { id: number }).id;
const langOf = async (id: number) => ((await rawGet(db, "SELECT rationale_lang AS lang FROM assessments WHERE id = ?", id)) as { lang: string }).lang;

describe("an assessment's rationale language", () => {
  it("is zh for a rationale written in Chinese and en for one in English, even quoting a Chinese name", async () => {
    const base = { benchmarkId: await idOf("benchmarks", "release-liu-xia"), roundId: await idOf("rounds", "hrc-37"), reviewerId: "demo-reviewer-a", status: "not_met" as const, evidence: [] };
    const latest = async () => ((await rawGet(db, "SELECT COALESCE(MAX(id), 0) AS id FROM assessments WHERE benchmark_id = ? AND round_id = ? AND reviewer_id = ? AND is_ruling = 0", base.benchmarkId, base.roundId, base.reviewerId)) as { id: number }).id;
    const zh = await createAssessment(db, { ...base, rationale: "刘霞在会议期间仍被软禁，没有获准出国。", expectedLatestId: await latest() });
    expect(await langOf(zh)).toBe("zh");
    const en = await createAssessment(db, { ...base, rationale: "Liu Xia (刘霞) was still under house arrest during the session.", expectedLatestId: await latest() });
    expect(await langOf(en)).toBe("en");
  });

  it("is en for every seeded rationale", async () => {
    expect((await rawAll(db, "SELECT DISTINCT rationale_lang AS lang FROM assessments"))).toEqual([{ lang: "en" }]);
  });
});
