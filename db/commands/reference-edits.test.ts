// Corrections of reference records: each writes one audit entry with what changed, refuses a stale
// form, keeps a confidential person's names withheld, deletes only what nothing refers to, and a merge
// keeps every benchmark link and event. Figures after an edit equal a rebuild from scratch.
import { rawAll, rawExec, rawGet, rawRun } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getCorrectedOn, getRecordVersion } from "../queries/record-history";
import { getMergedSubjectTarget, getPublicSubject, listPublicSubjectsPage } from "../queries/subjects";
import { getPublicRedactor } from "../queries/public-text";
import { rebuildPublishedAggregates, refreshPublishedAggregates } from "./published-aggregates";
import { EditConflictError } from "./record-edits";
import { ReferenceDataError } from "./reference";
import { deleteReferenceRecord, editCategory, editRound, editSubject, editSubjectEvent, editTrack, mergeSubject } from "./reference-edits";

const EDITOR = "demo-editor";
let db: Db;

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const one = async <T,>(sql: string, ...params: unknown[]) => (await rawGet(db, sql, ...params)) as T;
const idOf = async (table: string, slug: string) => (await one<{ id: number }>(`SELECT id FROM ${table} WHERE slug = ?`, slug)).id;
const audits = async (entity: string, id: number) =>
  (await rawAll(db, "SELECT action, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id", entity, String(id))) as Array<{ action: string; before: string; after: string }>;
const version = async (entity: "track" | "round" | "category" | "subject" | "subject_event", id: number) => (await getRecordVersion(db, { entity, id })).version;

const AGGREGATES = { public_benchmarks: "benchmark_id", public_tallies: "round_id, category_id, addressee", public_changes: "round_id, previous_round_id, benchmark_id" };
const aggregates = async () => Promise.all(Object.entries(AGGREGATES).map(([table, order]) => rawAll(db, `SELECT * FROM ${table} ORDER BY ${order}`)));

async function expectRefreshEqualsRebuild() {
  await refreshPublishedAggregates(db);
  const incremental = await aggregates();
  await rebuildPublishedAggregates(db);
  expect(await aggregates()).toEqual(incremental);
}

/** A track's editable fields as stored, for an edit that changes only what it says. */
const trackAsStored = async (id: number) =>
  await one<{ name: string; shortName: string; description: string; nameZh: string | null; shortNameZh: string | null; descriptionZh: string | null }>(
    "SELECT name, short_name AS shortName, description, name_zh AS nameZh, short_name_zh AS shortNameZh, description_zh AS descriptionZh FROM tracks WHERE id = ?",
    id,
  );

describe("editing reference records", () => {
  it("a track's correction records only what changed, as a correction of a published record", async () => {
    const id = await idOf("tracks", "upr");
    const result = await editTrack(db, { ...(await trackAsStored(id)), slug: "upr", version: 0, name: "Universal Periodic Review (UPR)" }, EDITOR);
    expect(result.changes.map((c) => c.field)).toEqual(["name"]);
    expect((await one<{ name: string }>("SELECT name FROM tracks WHERE id = ?", id)).name).toBe("Universal Periodic Review (UPR)");
    const [entry] = await audits("track", id);
    expect(entry!.action).toBe("track.correct");
    expect(JSON.parse(entry!.before)).toEqual({ name: "Universal Periodic Review" });
    expect(JSON.parse(entry!.after)).toEqual({ name: "Universal Periodic Review (UPR)" });
    expect(await getCorrectedOn(db, { entity: "track", id })).not.toBeNull();
  });

  it("a track's and a category's Chinese fields are stored and audited like the English ones", async () => {
    const id = await idOf("tracks", "upr");
    const result = await editTrack(db, { ...(await trackAsStored(id)), slug: "upr", version: 0, nameZh: "普遍定期审议（测试）", shortNameZh: "定期审议", descriptionZh: null }, EDITOR);
    expect(result.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["nameZh", "shortNameZh"]));
    expect(await one("SELECT name_zh AS n, short_name_zh AS s FROM tracks WHERE id = ?", id)).toEqual({ n: "普遍定期审议（测试）", s: "定期审议" });
    expect(JSON.parse((await audits("track", id))[0]!.after)).toMatchObject({ nameZh: "普遍定期审议（测试）", shortNameZh: "定期审议" });
    const category = await idOf("categories", "legal-reform");
    await editCategory(db, { slug: "legal-reform", version: 0, name: "Legal reform", description: "", nameZh: "法律改革（测试）", descriptionZh: "有关法律的要求", position: 2 }, EDITOR);
    expect(await one("SELECT name_zh AS n, description_zh AS d FROM categories WHERE id = ?", category)).toEqual({ n: "法律改革（测试）", d: "有关法律的要求" });
    expect(JSON.parse((await audits("category", category))[0]!.after)).toMatchObject({ nameZh: "法律改革（测试）", descriptionZh: "有关法律的要求" });
  });

  it("an edit that changes nothing writes nothing", async () => {
    const id = await idOf("tracks", "upr");
    const result = await editTrack(db, { ...(await trackAsStored(id)), slug: "upr", version: 0 }, EDITOR);
    expect(result.changes).toEqual([]);
    expect(await audits("track", id)).toEqual([]);
  });

  it("refuses a form opened before another edit, changing nothing", async () => {
    const id = await idOf("categories", "legal-reform");
    const opened = await version("category", id);
    await editCategory(db, { slug: "legal-reform", version: opened, name: "Legal reforms", description: "", nameZh: null, descriptionZh: null, position: 2 }, EDITOR);
    await expect(editCategory(db, { slug: "legal-reform", version: opened, name: "Law reform", description: "", nameZh: null, descriptionZh: null, position: 2 }, EDITOR)).rejects.toBeInstanceOf(EditConflictError);
    expect((await one<{ name: string }>("SELECT name FROM categories WHERE id = ?", id)).name).toBe("Legal reforms");
    expect(await audits("category", id)).toHaveLength(1);
  });

  it("a round's new dates and track are stored, and the figures refreshed incrementally equal a rebuild", async () => {
    const id = await idOf("rounds", "hrc-34");
    await refreshPublishedAggregates(db);
    const result = await editRound(
      db,
      { slug: "hrc-34", version: 0, name: "HRC 34", nameZh: null, trackSlug: "upr", startDate: "2018-12-01", endDate: "2018-12-20", datePrecision: "day", dateNote: "Moved for the test.", location: "Geneva" },
      EDITOR,
    );
    expect(result.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["track", "startDate", "endDate"]));
    expect(await one("SELECT start_date AS s, end_date AS e, (SELECT slug FROM tracks WHERE id = track_id) AS t FROM rounds WHERE id = ?", id)).toEqual({ s: "2018-12-01", e: "2018-12-20", t: "upr" });
    expect((await audits("round", id))[0]!.action).toBe("round.correct");
    await expectRefreshEqualsRebuild();
  });

  it("refuses a round whose track does not exist", async () => {
    await expect(
      editRound(db, { slug: "hrc-34", version: 0, name: "HRC 34", nameZh: null, trackSlug: "no-such-track", startDate: "2017-02-27", endDate: null, datePrecision: "day", dateNote: "", location: null }, EDITOR),
    ).rejects.toBeInstanceOf(ReferenceDataError);
  });

  it("a person's Chinese name and a new alias: the page shows the name, the history the alias", async () => {
    const id = await idOf("subjects", "gao-yu");
    await editSubject(db, { slug: "gao-yu", version: 0, name: "Gao Yu", nameZh: "高瑜 (test)", aliases: ["Kao Yu"], role: "Journalist", roleZh: null, article: null, description: "A journalist.", descriptionZh: null }, EDITOR);
    expect((await getPublicSubject(db, "people", "gao-yu"))?.nameZh).toBe("高瑜 (test)");
    const [entry] = await audits("subject", id);
    expect(entry!.action).toBe("subject.correct");
    expect(JSON.parse(entry!.after)).toMatchObject({ nameZh: "高瑜 (test)", aliases: ["Kao Yu"] });
  });

  it("a confidential person renamed keeps the old name withheld, and their correction dates nothing public", async () => {
    const id = await idOf("subjects", "zhu-yufu");
    (await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE id = ?", id));
    const before = await one<{ name: string; nameZh: string }>("SELECT name, name_zh AS nameZh FROM subjects WHERE id = ?", id);
    const result = await editSubject(db, { slug: "zhu-yufu", version: await version("subject", id), name: "Zhu Yu-fu", nameZh: null, aliases: [], role: null, roleZh: null, article: null, description: "", descriptionZh: null }, EDITOR);
    expect(result.keptAsAliases).toEqual([before.name, before.nameZh]);
    const redactor = await getPublicRedactor(db);
    expect(redactor.text(`Statement about ${before.name} and ${before.nameZh}`)).not.toContain(before.name);
    expect(redactor.text(`about ${before.nameZh}`)).not.toContain(before.nameZh);
    expect((await audits("subject", id)).at(-1)!.action).toBe("subject.update");
    expect(await getCorrectedOn(db, { entity: "subject", id })).toBeNull();
  });

  it("an event's correction has its own version and dates a correction of a public person's event", async () => {
    const event = (await one<{ id: number }>("SELECT id FROM subject_events WHERE subject_id = ? ORDER BY id LIMIT 1", await idOf("subjects", "liu-xia"))).id;
    await editSubjectEvent(db, { eventId: event, version: 0, kind: "released", occurredOn: "2018-07-10", datePrecision: "day", description: "Left China for Berlin.", descriptionZh: "离开中国前往柏林。", sourceUrl: "https://example.org/liu-xia" }, EDITOR);
    expect(await one("SELECT description, description_zh AS zh, source_url AS url FROM subject_events WHERE id = ?", event)).toEqual({ description: "Left China for Berlin.", zh: "离开中国前往柏林。", url: "https://example.org/liu-xia" });
    expect((await audits("subject_event", event))[0]!.action).toBe("subject_event.correct");
    await expect(
      editSubjectEvent(db, { eventId: event, version: 0, kind: "released", occurredOn: "2018-07-10", datePrecision: "day", description: "Again.", descriptionZh: null, sourceUrl: null }, EDITOR),
    ).rejects.toBeInstanceOf(EditConflictError);
  });
});

describe("deleting reference records", () => {
  it("refuses a referenced track, round, category and person, saying what refers to it", async () => {
    await expect(deleteReferenceRecord(db, { entity: "track", slug: "upr", version: 0, confirm: "yes" }, EDITOR)).rejects.toThrow(/1 rounds/);
    await expect(deleteReferenceRecord(db, { entity: "round", slug: "hrc-37", version: 0, confirm: "yes" }, EDITOR)).rejects.toThrow(/assessments/);
    await expect(deleteReferenceRecord(db, { entity: "category", slug: "legal-reform", version: 0, confirm: "yes" }, EDITOR)).rejects.toThrow(/benchmarks refer to it/);
    await expect(deleteReferenceRecord(db, { entity: "subject", slug: "liu-xia", version: 0, confirm: "yes" }, EDITOR)).rejects.toThrow(/2 benchmarks, 4 events/);
    expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE '%.delete'")).n).toBe(0);
  });

  it("deletes an unreferenced track, category, round and person, keeping what they were in the audit log", async () => {
    await rawExec(db, `INSERT INTO tracks (slug, name, short_name) VALUES ('spare-track', 'Spare', 'S');
      INSERT INTO categories (slug, name, position) VALUES ('spare-category', 'Spare', 99);
      INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES ('spare-round', (SELECT id FROM tracks WHERE slug = 'upr'), 'Spare round', '2030-01-01', 'year');
      INSERT INTO subjects (slug, kind, name) VALUES ('spare-person', 'person', 'Spare Person');`);
    for (const [entity, slug] of [["track", "spare-track"], ["category", "spare-category"], ["round", "spare-round"], ["subject", "spare-person"]] as const) {
      await deleteReferenceRecord(db, { entity, slug, version: 0, confirm: "yes" }, EDITOR);
    }
    expect((await one<{ n: number }>("SELECT (SELECT COUNT(*) FROM tracks WHERE slug LIKE 'spare-%') + (SELECT COUNT(*) FROM categories WHERE slug LIKE 'spare-%') + (SELECT COUNT(*) FROM rounds WHERE slug LIKE 'spare-%') + (SELECT COUNT(*) FROM subjects WHERE slug LIKE 'spare-%') AS n")).n).toBe(0);
    const deleted = (await rawAll(db, "SELECT action, before FROM audit_log WHERE action LIKE '%.delete' ORDER BY id")) as Array<{ action: string; before: string }>;
    expect(deleted.map((d) => d.action)).toEqual(["track.delete", "category.delete", "round.delete", "subject.delete"]);
    expect(JSON.parse(deleted[3]!.before)).toMatchObject({ slug: "spare-person", name: "Spare Person" });
  });
});

describe("merging two people", () => {
  const links = async (id: number) => ((await rawAll(db, "SELECT benchmark_id AS b FROM benchmark_subjects WHERE subject_id = ? ORDER BY benchmark_id", id)) as Array<{ b: number }>).map((r) => r.b);
  const events = async (id: number) => ((await rawAll(db, "SELECT id FROM subject_events WHERE subject_id = ? ORDER BY id", id)) as Array<{ id: number }>).map((r) => r.id);

  it("moves every benchmark link and event to the kept one, its names become aliases, and its old address leads there", async () => {
    const from = await idOf("subjects", "li-heping");
    const into = await idOf("subjects", "wang-quanzhang");
    const expectedLinks = [...new Set([...(await links(from)), ...(await links(into))])].sort((a, b) => a - b);
    const expectedEvents = [...(await events(from)), ...(await events(into))].sort((a, b) => a - b);
    const fromNames = await one<{ name: string; nameZh: string }>("SELECT name, name_zh AS nameZh FROM subjects WHERE id = ?", from);
    await refreshPublishedAggregates(db);
    const result = await mergeSubject(db, { slug: "li-heping", version: 0, intoSlug: "wang-quanzhang", confirm: "yes" }, EDITOR);
    expect(result).toMatchObject({ kept: "Wang Quanzhang", madeConfidential: false });
    expect(await links(into)).toEqual(expectedLinks);
    expect(await events(into)).toEqual(expectedEvents);
    expect(await links(from)).toEqual([]);
    const kept = await one<{ aliases: string }>("SELECT aliases FROM subjects WHERE id = ?", into);
    expect(kept.aliases.split("\n")).toEqual(expect.arrayContaining([fromNames.name, fromNames.nameZh]));
    expect((await one<{ m: number }>("SELECT merged_into_id AS m FROM subjects WHERE id = ?", from)).m).toBe(into);
    expect(await getPublicSubject(db, "people", "li-heping")).toBeUndefined();
    expect(await getMergedSubjectTarget(db, "people", "li-heping")).toBe("wang-quanzhang");
    expect((await listPublicSubjectsPage(db, "people", "", { limit: 100, offset: 0 })).rows.map((s) => s.slug)).not.toContain("li-heping");
    expect((await audits("subject", from)).map((a) => a.action)).toEqual(["subject.merge-into"]);
    expect((await audits("subject", into)).map((a) => a.action)).toEqual(["subject.merge-from"]);
    await expectRefreshEqualsRebuild();
  });

  it("a confidential one merged into a public one makes the kept one confidential, and no address leads to it", async () => {
    const from = await idOf("subjects", "xie-yang");
    (await rawRun(db, "UPDATE subjects SET confidential = 1 WHERE id = ?", from));
    const result = await mergeSubject(db, { slug: "xie-yang", version: 0, intoSlug: "jiang-tianyong", confirm: "yes" }, EDITOR);
    expect(result.madeConfidential).toBe(true);
    expect(await getPublicSubject(db, "people", "jiang-tianyong")).toBeUndefined();
    expect(await getMergedSubjectTarget(db, "people", "xie-yang")).toBeUndefined();
    const redactor = await getPublicRedactor(db);
    expect(redactor.text("Xie Yang and Jiang Tianyong")).not.toMatch(/Xie Yang|Jiang Tianyong/);
  });

  it("refuses two records of different kinds, an already merged one, and a stale form", async () => {
    await expect(mergeSubject(db, { slug: "gao-yu", version: 0, intoSlug: "rsdl-article-73", confirm: "yes" }, EDITOR)).rejects.toThrow(/same kind/);
    await mergeSubject(db, { slug: "gao-yu", version: 0, intoSlug: "chen-xi", confirm: "yes" }, EDITOR);
    await expect(mergeSubject(db, { slug: "gao-yu", version: await version("subject", await idOf("subjects", "gao-yu")), intoSlug: "wu-gan", confirm: "yes" }, EDITOR)).rejects.toThrow(/already merged/);
    await expect(mergeSubject(db, { slug: "wu-gan", version: 0, intoSlug: "gao-yu", confirm: "yes" }, EDITOR)).rejects.toThrow(/itself merged/);
    await editSubject(db, { slug: "wu-gan", version: 0, name: "Wu Gan", nameZh: null, aliases: [], role: null, roleZh: null, article: null, description: "", descriptionZh: null }, EDITOR);
    await expect(mergeSubject(db, { slug: "wu-gan", version: 0, intoSlug: "chen-xi", confirm: "yes" }, EDITOR)).rejects.toBeInstanceOf(EditConflictError);
  });
});
