// The CSV import's server action called as an attacker would: without a session, as a reviewer, with a
// file too large, with no file, text or bytes where a CSV belongs. None of it may change a single row.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import type { ImportActionState } from "@/lib/import/summary";
import { MAX_IMPORT_BYTES } from "@/lib/validation/import";

const session = vi.hoisted(() => {
  process.env.DATABASE_PATH = `${process.env.TMPDIR ?? "/tmp"}/import-security-test-${process.pid}-${Date.now()}.db`;
  return { user: null as SessionUser | null };
});
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user, requirePageUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const REVIEWER: SessionUser = { id: "demo-reviewer-a", email: "a@example.org", name: "A", role: "reviewer" };
const EDITOR: SessionUser = { id: "demo-editor", email: "e@example.org", name: "E", role: "editor" };

const HEADER = "Benchmark,Benchmark ID,Category,Addressed to,Applies from,Retired on,Why retired,Raised by,People,Laws and practices";
const GOOD_ROW = "Release everyone held for their writing,release-writers-import,Release of detained people,Chinese government,hrc-37,,,,,";

let importCsvUpload: (state: ImportActionState | null, form: FormData) => Promise<ImportActionState>;
let rowCounts: () => Record<string, number>;

function upload(file: unknown): FormData {
  const form = new FormData();
  if (file !== undefined) form.append("file", file as Blob | string);
  return form;
}
const csvFile = (text: string, name = "import.csv") => new File([text], name, { type: "text/csv" });

beforeAll(async () => {
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(process.env.DATABASE_PATH!);
  const sqlite = (await import("@/db/client")).getDb().$client;
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  rowCounts = () => Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  ({ importCsvUpload } = (await import("./import-actions")) as unknown as { importCsvUpload: typeof importCsvUpload });
});

async function refusedWithoutChange(user: SessionUser | null, form: FormData): Promise<ImportActionState> {
  session.user = user;
  const before = rowCounts();
  const result = await importCsvUpload(null, form);
  expect(result.ok).toBe(false);
  expect(rowCounts()).toEqual(before);
  return result;
}

describe("CSV import action", () => {
  const good = () => upload(csvFile(`${HEADER}\n${GOOD_ROW}\n`));

  it("refuses a caller without a session and changes nothing", async () => {
    expect((await refusedWithoutChange(null, good())).message).toMatch(/not signed in/);
  });

  it("refuses a reviewer and changes nothing", async () => {
    expect((await refusedWithoutChange(REVIEWER, good())).message).toMatch(/Your role \(reviewer\) is not allowed/);
  });

  it("refuses a file over the size limit with a clear message, before reading it", async () => {
    const big = csvFile(`${HEADER}\n${GOOD_ROW}\n`.padEnd(MAX_IMPORT_BYTES + 1, "\n"));
    const result = await refusedWithoutChange(EDITOR, upload(big));
    expect(result.errors?.file).toEqual([expect.stringMatching(/larger than 5 MB: split it/)]);
  });

  it.each([
    ["no file at all", () => upload(undefined), /Choose a CSV file/],
    ["text where the file belongs", () => upload(`${HEADER}\n${GOOD_ROW}`), /Choose a CSV file/],
    ["an empty file", () => upload(csvFile("")), /The file is empty/],
  ])("answers %s with a field error and changes nothing", async (_label, form, message) => {
    const result = await refusedWithoutChange(EDITOR, form());
    expect(result.errors?.file).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["bytes that are not UTF-8", () => new File([Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2c, 0xff, 0xfe, 0x00])], "latin1.csv"), /is not UTF-8 text/],
    ["a file that is not CSV at all", () => csvFile("\u0000\u0001PK\u0003\u0004 binary", "sheet.xlsx"), /neither that of a scores CSV/],
    ["a quote left open", () => csvFile(`${HEADER}\n"${GOOD_ROW}\n`), /not valid CSV/],
    ["a header from some other file", () => csvFile("email,password\nroot@example.org,hunter2\n"), /neither that of a scores CSV/],
  ])("answers %s with a message and changes nothing", async (_label, file, message) => {
    const result = await refusedWithoutChange(EDITOR, upload(file()));
    expect(`${result.message} ${(result.problems ?? []).map((p) => p.message).join(" ")}`).toMatch(message);
  });

  it("lists a bad row with its line among good ones and writes nothing", async () => {
    const result = await refusedWithoutChange(EDITOR, upload(csvFile(`${HEADER}\n${GOOD_ROW}\n<script>alert(1)</script>,x,Nope,Martians,hrc-37,,,,,\n`)));
    expect(result.message).toMatch(/Nothing was imported from “import.csv”: 1 row needs correcting/);
    expect(result.problems).toEqual([{ line: 3, message: expect.stringMatching(/“Martians” is not one of/) }]);
  });

  it("imports a good file for an editor and records it in the audit log", async () => {
    session.user = EDITOR;
    const before = rowCounts();
    const result = await importCsvUpload(null, good());
    expect(result).toMatchObject({ ok: true, summary: expect.arrayContaining(["Created 1 benchmark: release-writers-import."]) });
    expect(rowCounts()).toMatchObject({ benchmarks: before.benchmarks! + 1, audit_log: before.audit_log! + 1 });
  });
});
