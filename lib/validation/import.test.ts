import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importUploadSchema, MAX_IMPORT_BYTES, parseEvidenceCell, scoreRowSchema } from "./import";

const fileErrors = (value: unknown) => {
  const parsed = importUploadSchema.safeParse({ file: value });
  return parsed.success ? [] : (z.flattenError(parsed.error).fieldErrors.file ?? []);
};

describe("importUploadSchema", () => {
  it("takes a CSV file within the limit", () => {
    expect(fileErrors(new File(["a,b\n1,2\n"], "x.csv", { type: "text/csv" }))).toEqual([]);
  });

  it("asks for a file when none was chosen, or text was sent instead", () => {
    expect(fileErrors(undefined)).toEqual(["Choose a CSV file to import."]);
    expect(fileErrors("a,b\n1,2")).toEqual(["Choose a CSV file to import."]);
    expect(fileErrors(new File([], ""))).toEqual(["Choose a CSV file to import."]);
  });

  it("refuses an empty file and one over the limit, saying so", () => {
    expect(fileErrors(new File([], "empty.csv"))).toEqual(["The file is empty."]);
    expect(fileErrors(new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], "big.csv"))).toEqual([expect.stringMatching(/larger than 5 MB/)]);
  });
});

describe("parseEvidenceCell", () => {
  it("reads the export's “Title <url> | Title <url>”, titles with separators in them included", () => {
    expect(parseEvidenceCell("UN report | summary <https://example.org/a> | Court notice <https://example.org/b?x=1|2>").links).toEqual([
      { title: "UN report | summary", url: "https://example.org/a" },
      { title: "Court notice", url: "https://example.org/b?x=1|2" },
    ]);
    expect(parseEvidenceCell("  ")).toEqual({ links: [], problems: [] });
  });

  it("refuses a link that is not http(s) and a link without a title", () => {
    expect(parseEvidenceCell("X <data:text/html,hi>").problems).toEqual([expect.stringMatching(/Evidence 1: Use a full http/)]);
    expect(parseEvidenceCell("<https://example.org>").problems).toEqual(["Evidence 1 needs a title of up to 300 characters."]);
    expect(parseEvidenceCell("https://example.org").problems).toEqual([expect.stringMatching(/Evidence 1 must look like/)]);
  });
});

describe("scoreRowSchema", () => {
  const base = { round_id: "hrc-37", benchmark_id: "release-a", rationale: "Released in 2018 and left the country." };

  it("takes the status from its label when the code column is left out", () => {
    const parsed = scoreRowSchema.parse({ ...base, status: "Partial" });
    expect(parsed.status).toBe("partial");
    expect(parsed.benchmark.sources).toBeUndefined();
  });

  it("treats a column left out as no claim, and an empty list column as “none”", () => {
    expect(scoreRowSchema.parse({ ...base, status_code: "met" }).benchmark.people).toBeUndefined();
    expect(scoreRowSchema.parse({ ...base, status_code: "met", people: "" }).benchmark.people).toEqual([]);
    expect(scoreRowSchema.parse({ ...base, status_code: "met", people: "Liu Xia (刘霞) | Wang Quanzhang (王全璋)" }).benchmark.people).toEqual(["Liu Xia (刘霞)", "Wang Quanzhang (王全璋)"]);
  });

  it("refuses a row without any status", () => {
    expect(scoreRowSchema.safeParse({ ...base, status_code: "" }).error?.issues[0]?.message).toBe("The status is empty.");
  });
});
