// The conflict check and the audit entry every record edit shares, on the seed.
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { getCorrectedOn, getRecordVersion, listCorrectedOn, listRecordHistory } from "../queries/record-history";
import { transaction } from "../transaction";
import { assertUnchangedSince, EditConflictError, recordEdit } from "./record-edits";

let db: Db;
const track = { entity: "track" as const, id: 1 };

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
});

const edit = (before: Record<string, unknown>, after: Record<string, unknown>, published = true) =>
  transaction(db, (tx) => recordEdit(tx, { userId: "demo-editor", record: track, before, after, publicFields: ["name"], published }));

describe("record edits", () => {
  it("version a record by its newest audit entry, and refuse a form opened before another edit", async () => {
    const opened = (await getRecordVersion(db, track)).version;
    await edit({ name: "A", description: "" }, { name: "B", description: "" });
    const now = await getRecordVersion(db, track);
    expect(now.version).toBeGreaterThan(opened);
    expect(now.byName).toBe("Demo editor");
    await expect(assertUnchangedSince(db, track, opened)).rejects.toBeInstanceOf(EditConflictError);
    await expect(assertUnchangedSince(db, track, opened)).rejects.toThrow(/Demo editor changed this record on .* UTC, after you opened this form\. Nothing was saved/);
    await expect(assertUnchangedSince(db, track, now.version)).resolves.toBeUndefined();
  });

  it("record only the changed fields, a correction only for a published record's public text, nothing for no change", async () => {
    expect(await edit({ name: "A", description: "x" }, { name: "A", description: "x" })).toEqual([]);
    expect(await listRecordHistory(db, track)).toEqual([]);

    await edit({ name: "A", description: "x" }, { name: "A", description: "y" });
    expect(await getCorrectedOn(db, track)).toBeNull();
    await edit({ name: "A", description: "y" }, { name: "B", description: "y" }, false);
    expect(await getCorrectedOn(db, track)).toBeNull();
    await edit({ name: "B", description: "y" }, { name: "C", description: "y" });
    const corrected = await getCorrectedOn(db, track);
    expect(corrected).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await listCorrectedOn(db, "track", [1, 2])).toEqual(new Map([[1, corrected]]));

    const history = await listRecordHistory(db, track);
    expect(history.map((h) => h.action)).toEqual(["track.correct", "track.update", "track.update"]);
    expect(history[0]!.changes).toEqual([{ field: "name", before: "B", after: "C" }]);
    expect(history[2]!.changes).toEqual([{ field: "description", before: "x", after: "y" }]);
  });
});
