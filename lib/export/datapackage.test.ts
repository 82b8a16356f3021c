import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { checkDataPackage } from "@/lib/testing/datapackage-check";
import { dataPackageZip, type PackageAbout, type PackageResource } from "./datapackage";

const about: PackageAbout = {
  name: "dialogue-scorecard-release-7",
  title: "Dialogue Scorecard, release 7",
  description: "Test package.",
  version: "7",
  created: "2026-12-01T10:00:00.000Z",
  homepage: "https://scorecard.example/releases/7",
  citation: "Dialogue Scorecard, release 7 (1 December 2026), https://scorecard.example/releases/7",
};

const resources = (): PackageResource[] => [
  {
    name: "scores",
    title: "Scores",
    fields: [
      { name: "round", type: "string", description: "Round" },
      { name: "count", type: "integer", description: "A number" },
      { name: "public_record", type: "boolean", description: "Rests on public record" },
      { name: "start_date", type: "date", description: "Date" },
      { name: "rationale", type: "string", description: "Rationale" },
    ],
    primaryKey: ["round"],
    rows: (function* () {
      for (let i = 0; i < 2500; i++) yield { round: `r-${i}`, count: i, public_record: i % 2 === 0, start_date: "2018-11-06", rationale: i === 7 ? "=HYPERLINK(\"x\") 刘晓波, \"quoted\"\nline" : null };
    })(),
  },
  { name: "empty", title: "Nothing", fields: [{ name: "a", type: "string", description: "A" }], rows: [] },
];

async function collect(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of dataPackageZip(about, resources())) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("a release's data package", () => {
  it("validates: schema fields match each CSV's header, every cell parses as its type, hashes and sizes match", async () => {
    const { problems, descriptor, tables } = checkDataPackage(await collect());
    expect(problems).toEqual([]);
    expect(descriptor).toMatchObject({ profile: "tabular-data-package", version: "7", citation: about.citation, licenses: [{ name: "CC-BY-4.0" }] });
    expect(tables.scores).toHaveLength(2501);
    expect(tables.empty).toEqual([["a"]]);
    // A formula-like text keeps its words behind one quote; numbers and booleans are plain.
    expect(tables.scores![8]).toEqual(["r-7", "7", "false", "2018-11-06", "'=HYPERLINK(\"x\") 刘晓波, \"quoted\"\nline"]);
    expect(tables.scores![1]).toEqual(["r-0", "0", "true", "2018-11-06", ""]);
  });

  it("fails the check when a CSV is altered, a header is wrong or a cell is not its type", async () => {
    const { unzipSync } = await import("fflate");
    const files = unzipSync(await collect());
    const text = new TextDecoder().decode(files["scores.csv"]);
    const altered = zipSync({ ...files, "scores.csv": new TextEncoder().encode(text.replace("r-5,5,", "r-5,five,")) });
    const { problems } = checkDataPackage(altered);
    expect(problems.some((p) => p.includes("hash"))).toBe(true);
    expect(problems.some((p) => p.includes('count "five" is not a integer'))).toBe(true);
    const renamed = zipSync({ ...files, "scores.csv": new TextEncoder().encode(text.replace("round,count", "round,total")) });
    expect(checkDataPackage(renamed).problems.some((p) => p.includes("header"))).toBe(true);
  });
});
