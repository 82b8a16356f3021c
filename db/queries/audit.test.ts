import { rawGet } from "@/db/testing/raw-sql";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { recordAudit } from "../commands/audit";
import { listAuditEntities, listAuditEntries, listAuditUsers } from "./audit";

describe("the audit log", async () => {
  const db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  const benchmark = (await rawGet<{ id: number; title: string }>(db, "SELECT id, title FROM benchmarks WHERE slug = 'release-liu-xia'"))!;
  const round = (await rawGet<{ id: number; name: string }>(db, "SELECT id, name FROM rounds WHERE slug = 'hrc-37'"))!;
  beforeAll(async () => {
    await recordAudit(db, { userId: "demo-editor", action: "score.publish", entity: "published_score", entityId: `${benchmark.id}@${round.id}`, after: { status: "met" } });
    await recordAudit(db, { userId: "demo-reviewer-a", action: "assessment.create", entity: "assessment", entityId: 999, after: { benchmarkId: benchmark.id, roundId: round.id, status: "partial" } });
    await recordAudit(db, { userId: "demo-editor", action: "round.deadline", entity: "round", entityId: round.id });
    await recordAudit(db, { userId: "demo-editor", action: "user.create", entity: "user", entityId: "demo-reviewer-b" });
  });

  it("names the benchmark, round and person an entry is about, not their ids", async () => {
    const { entries } = await listAuditEntries(db, {});
    const byAction = new Map(entries.map((e) => [e.action, e]));
    expect(byAction.get("score.publish")?.refs).toMatchObject({ benchmark: { slug: "release-liu-xia", title: benchmark.title }, round: { slug: "hrc-37", name: round.name } });
    expect(byAction.get("assessment.create")?.refs).toMatchObject({ benchmark: { title: benchmark.title }, round: { name: round.name } });
    expect(byAction.get("round.deadline")?.refs).toEqual({ round: { slug: "hrc-37", name: round.name } });
    expect(byAction.get("user.create")?.refs.user).toMatchObject({ id: "demo-reviewer-b", name: "Demo reviewer B" });
    expect(byAction.get("assessment.create")).toMatchObject({ userName: "Demo reviewer A" });
  });

  it("filters by person, kind of record, one record and dates, and pages with a total", async () => {
    expect((await listAuditEntries(db, { userId: "demo-reviewer-a" })).entries.map((e) => e.action)).toEqual(["assessment.create"]);
    expect((await listAuditEntries(db, { entity: "round" })).entries.map((e) => e.action)).toEqual(["round.deadline"]);
    expect((await listAuditEntries(db, { entity: "published_score", entityId: `${benchmark.id}@${round.id}` })).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    // The seed's own entry and the four above, all made today.
    expect((await listAuditEntries(db, { from: today, to: today })).total).toBe(5);
    expect((await listAuditEntries(db, { from: "2999-01-01" })).total).toBe(0);
    expect((await listAuditEntries(db, { to: "2000-01-01" })).total).toBe(0);
    const all = await listAuditEntries(db, {});
    const second = await listAuditEntries(db, { offset: 2, limit: 2 });
    expect(second.total).toBe(all.total);
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
  });

  it("offers the people and kinds of record that appear in it", async () => {
    expect((await listAuditUsers(db)).map((u) => u.id)).toEqual(["demo-editor", "demo-reviewer-a"]);
    expect(await listAuditEntities(db)).toEqual(expect.arrayContaining(["assessment", "published_score", "round", "user"]));
  });
});
