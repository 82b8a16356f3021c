// Corrections of reference records must not leak: a confidential person's new other name and old name
// stay withheld in every public text the API serves; a correction of a confidential person or of an
// unpublished round dates nothing public ("corrected on" reads only corrections of published records);
// a merge never gives a confidential record a public page or a redirect that ties its names to another.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/server/auth/guard";
import type { SessionUser } from "@/server/auth/session";
import { ENDPOINTS } from "@/lib/api/endpoints";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/record-corrections-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };
const NEW_ALIAS = "Kao Yu-vq9";
type Action = (state: ActionState | null, form: FormData) => Promise<ActionState>;
type Handler = (request: Request) => Response | Promise<Response>;

let sqlite: import("better-sqlite3").Database;
let db: ReturnType<typeof import("@/db/client").getDb>;
let actions: Record<string, Action>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const idOf = (table: string, slug: string) => sqlite.prepare(`SELECT id FROM ${table} WHERE slug = ?`).pluck().get(slug) as number;
const version = (entity: string, id: number) => String(sqlite.prepare("SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE entity = ? AND entity_id = ?").pluck().get(entity, String(id)));

async function act(name: string, values: Record<string, string>) {
  const result = await actions[name]!(null, form(values));
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result;
}

/** Every read-API endpoint's first page, as one text. */
async function everyApiAnswer(): Promise<string> {
  const texts: string[] = [];
  for (const name of Object.keys(ENDPOINTS)) {
    const route = name.replace(/^\//, "");
    const handler = (await import(`./api/v1/${route}/route`).catch(() => null)) as { GET: Handler } | null;
    if (!handler) continue;
    for (const query of ["", "?lang=zh"]) {
      const response = await handler.GET(new Request(`http://localhost/api/v1/${route}${query}`));
      texts.push(await response.text());
    }
  }
  return texts.join("\n");
}

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  db = (await import("@/db/client")).getDb();
  sqlite = db.$client;
  session.user = EDITOR;
  const reference = (await import("./[locale]/(workspace)/editor/reference-actions")) as unknown as Record<string, Action>;
  actions = { ...reference, ...((await import("./[locale]/(workspace)/editor/record-reference-actions")) as unknown as Record<string, Action>) };
  await act("setConfidentiality", { target: "subject:gao-yu", confidential: "yes" });
  // A public text that will name her by the spelling the editor adds next.
  sqlite.prepare("UPDATE statements SET summary = summary || ? WHERE slug = 'rdn-2015-editorial'").run(` Also spelt ${NEW_ALIAS}.`);
});

describe("correcting a confidential person", () => {
  it("a new other name is withheld in every API answer at once", async () => {
    // Before the editor adds it, the spelling is public text like any other: the test can fail.
    expect(await everyApiAnswer()).toContain(NEW_ALIAS);
    const gaoYu = idOf("subjects", "gao-yu");
    await act("editSubjectRecord", { slug: "gao-yu", version: version("subject", gaoYu), name: "Gao Yu", nameZh: "高瑜", aliases: NEW_ALIAS, role: "Journalist", roleZh: "记者", article: "", description: "", descriptionZh: "" });
    expect(await everyApiAnswer()).not.toContain(NEW_ALIAS);
  });

  it("renamed, her old names stay withheld, and the correction is no public correction", async () => {
    const gaoYu = idOf("subjects", "gao-yu");
    await act("editSubjectRecord", { slug: "gao-yu", version: version("subject", gaoYu), name: "G. Y.", nameZh: "", aliases: NEW_ALIAS, role: "", roleZh: "", article: "", description: "", descriptionZh: "" });
    const answers = await everyApiAnswer();
    expect(answers).not.toMatch(/gao[\s\p{Pd}_]*yu(?![a-z])|高\s*瑜/iu);
    expect(answers).not.toContain(NEW_ALIAS);
    const { getCorrectedOn } = await import("@/db/queries/record-history");
    const { getPublicSubject, getSubjectCorrectedOn } = await import("@/db/queries/subjects");
    expect(await getCorrectedOn(db, { entity: "subject", id: gaoYu })).toBeNull();
    expect(await getPublicSubject(db, "people", "gao-yu")).toBeUndefined();
    expect(await getSubjectCorrectedOn(db, gaoYu)).toBeNull();
  });
});

describe("correcting an unpublished round", () => {
  it("records an update, not a correction, and the round stays out of the API", async () => {
    sqlite.prepare("INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES ('hrc-secret-vq9', (SELECT id FROM tracks WHERE slug = 'un-hrc'), 'Secret session vq9', '2031-01-01', 'month')").run();
    const id = idOf("rounds", "hrc-secret-vq9");
    await act("editRoundRecord", { slug: "hrc-secret-vq9", version: "0", name: "Secret session vq9 renamed", nameZh: "秘密会议vq9", trackSlug: "un-hrc", startDate: "2031-02-01", endDate: "", datePrecision: "month", dateNote: "", location: "" });
    expect(sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'round' AND entity_id = ?").pluck().all(String(id))).toEqual(["round.update"]);
    const { getCorrectedOn } = await import("@/db/queries/record-history");
    expect(await getCorrectedOn(db, { entity: "round", id })).toBeNull();
    expect(await everyApiAnswer()).not.toMatch(/Secret session vq9|hrc-secret-vq9|秘密会议vq9/);
  });
});

describe("merging with a confidential person", () => {
  it("a public person merged into a confidential one gets no redirect, and their names are withheld with hers", async () => {
    const { getMergedSubjectTarget, getPublicSubject } = await import("@/db/queries/subjects");
    expect(await getPublicSubject(db, "people", "wu-gan")).toBeDefined();
    expect(await everyApiAnswer()).toMatch(/Wu Gan/);
    await act("mergeSubjectRecord", { slug: "wu-gan", version: version("subject", idOf("subjects", "wu-gan")), intoSlug: "gao-yu", confirm: "yes" });
    expect(await getPublicSubject(db, "people", "wu-gan")).toBeUndefined();
    expect(await getMergedSubjectTarget(db, "people", "wu-gan")).toBeUndefined();
    expect(await everyApiAnswer()).not.toMatch(/Wu Gan|gao-yu/);
  });

  it("a confidential person merged into a public one makes the kept one confidential: no page, no redirect", async () => {
    await act("setConfidentiality", { target: "subject:tang-jingling", confidential: "yes" });
    const { getMergedSubjectTarget, getPublicSubject } = await import("@/db/queries/subjects");
    expect(await everyApiAnswer()).toMatch(/Chen Xi\b/);
    const result = await act("mergeSubjectRecord", { slug: "tang-jingling", version: version("subject", idOf("subjects", "tang-jingling")), intoSlug: "chen-xi", confirm: "yes" });
    expect(result.message).toMatch(/now confidential/);
    expect(await getPublicSubject(db, "people", "chen-xi")).toBeUndefined();
    expect(await getMergedSubjectTarget(db, "people", "tang-jingling")).toBeUndefined();
    expect(await everyApiAnswer()).not.toMatch(/Tang Jingling|Chen Xi\b/);
  });
});
