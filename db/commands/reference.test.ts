// The editor's reference-data commands on the seed: each writes its row and its audit entry
// together, and a refusal (a taken slug, an unknown track) writes neither.
import { rawGet, rawValue } from "@/db/testing/raw-sql";
import { beforeEach, describe, expect, it } from "vitest";
import { tableRowCounter } from "@/db/testing/row-counts";
import { openDatabase, type Db } from "../client";
import { migrateDatabase } from "../migrate";
import { loadSeed } from "../seed/load";
import { listTracks } from "../queries/reference";
import { createCategory, createRound, createSubjectEvent, createTrack, ReferenceDataError, retireBenchmark, setScoringDeadline } from "./reference";

const EDITOR = "demo-editor";
let db: Db;
let counts: () => Promise<Record<string, number>>;

beforeEach(async () => {
  db = openDatabase(":memory:");
  await migrateDatabase(db);
  await loadSeed(db);
  counts = await tableRowCounter(db);
});

const lastAudit = async () => (await rawGet(db, "SELECT action, entity, entity_id AS entityId, before, after FROM audit_log ORDER BY id DESC LIMIT 1")) as { action: string; entity: string; entityId: string; before: string; after: string };

describe("reference-data commands", () => {
  it("create a track with its audit entry, and refuse a taken slug without writing", async () => {
    await createTrack(db, { slug: "new-track", name: "A new dialogue", shortName: "New", description: "" }, EDITOR);
    expect((await listTracks(db)).at(-1)).toEqual({ slug: "new-track", name: "A new dialogue", nameZh: null });
    expect(await lastAudit()).toMatchObject({ action: "track.create", entity: "track" });
    const before = await counts();
    await expect(createTrack(db, { slug: "new-track", name: "Again", shortName: "Again", description: "" }, EDITOR)).rejects.toThrow(new ReferenceDataError("trackExists", "A track called “new-track” already exists.", { slug: "new-track" }));
    expect(await counts()).toEqual(before);
  });

  it("put a new category last", async () => {
    const n = (await rawValue(db, "SELECT count(*) FROM categories")) as number;
    await createCategory(db, { slug: "new-category", name: "New", description: "" }, EDITOR);
    expect((await rawValue(db, "SELECT position FROM categories WHERE slug = 'new-category'"))).toBe(n + 1);
  });

  it("refuse a round of an unknown track, or a taken slug, and write nothing", async () => {
    const before = await counts();
    const round = { trackSlug: "no-such-track", slug: "r-new", name: "A round", location: null, startDate: "2030-01-01", endDate: null, datePrecision: "day" as const, scoringDeadline: null };
    await expect(createRound(db, round, EDITOR)).rejects.toThrow("Choose an existing track.");
    const trackSlug = (await listTracks(db))[0]!.slug;
    await expect(createRound(db, { ...round, trackSlug, slug: "hrc-37" }, EDITOR)).rejects.toThrow("A round called “hrc-37” already exists.");
    expect(await counts()).toEqual(before);
    await createRound(db, { ...round, trackSlug }, EDITOR);
    expect(await lastAudit()).toMatchObject({ action: "round.create", entity: "round" });
  });

  it("set a deadline with the one before in the audit entry", async () => {
    expect(await setScoringDeadline(db, { roundSlug: "hrc-37", scoringDeadline: "2031-05-01" }, EDITOR)).toEqual({ roundName: expect.any(String) });
    expect(JSON.parse((await lastAudit()).after)).toEqual({ scoringDeadline: "2031-05-01" });
    await expect(setScoringDeadline(db, { roundSlug: "no-such-round", scoringDeadline: null }, EDITOR)).rejects.toThrow("No such round.");
  });

  it("retire a benchmark and add an event, answering the names the messages need", async () => {
    const { title } = await retireBenchmark(db, { benchmarkSlug: "release-yu-wensheng", retiredOn: "2031-01-01", retiredReason: "Released." }, EDITOR);
    expect(title).toBeTruthy();
    expect(await lastAudit()).toMatchObject({ action: "benchmark.retire" });
    await expect(createSubjectEvent(db, { subjectSlug: "nobody", kind: "other", occurredOn: "2031-01-01", datePrecision: "day", description: "x", sourceUrl: null }, EDITOR)).rejects.toThrow(
      "Choose an existing person or law.",
    );
    const { subjectName } = await createSubjectEvent(db, { subjectSlug: "wu-gan", kind: "other", occurredOn: "2031-01-01", datePrecision: "day", description: "An event.", sourceUrl: null }, EDITOR);
    expect(subjectName).toBeTruthy();
  });
});
