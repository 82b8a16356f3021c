import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessmentFormSchema, CARRY_FORWARD_LIMIT, carryForwardSchema, evidenceErrorsByRow } from "./assessment";

const base = { roundSlug: "hrc-37", benchmarkSlug: "release-liu-xia", expectedLatestId: "0", status: "partial", rationale: "Released on bail, still under watch." };

describe("assessment form", () => {
  it("accepts a score with evidence links and drops empty rows", () => {
    const parsed = assessmentFormSchema.parse({
      ...base,
      evidenceUrl: ["https://example.org/a", ""],
      evidenceTitle: ["Report", ""],
      evidenceDate: ["2018-07-10", ""],
    });
    expect(parsed.evidence).toEqual([{ url: "https://example.org/a", title: "Report", publishedOn: "2018-07-10" }]);
    expect(parsed.expectedLatestId).toBe(0);
    expect(parsed.status).toBe("partial");
  });

  it("refuses javascript: and other non-web addresses", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x", "example.org"]) {
      const result = assessmentFormSchema.safeParse({ ...base, evidenceUrl: [url], evidenceTitle: ["x"], evidenceDate: [""] });
      expect(result.success, url).toBe(false);
      expect((z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>).evidenceUrl?.[0], url).toMatch(/http/);
    }
  });

  it("names a missing status and a too-short rationale", () => {
    const errors = z.flattenError(assessmentFormSchema.safeParse({ ...base, status: "great", rationale: "short" }).error!).fieldErrors;
    expect(errors.status?.[0]).toBe("Choose a status.");
    expect(errors.rationale?.[0]).toContain("10 characters");
  });

  it("names the evidence row that lacks a title or has a malformed date", () => {
    const result = assessmentFormSchema.safeParse({ ...base, evidenceUrl: ["https://x.org"], evidenceTitle: [""], evidenceDate: ["10/07/2018"] });
    const errors = (z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>);
    expect(errors.evidenceTitle?.[0]).toContain("Evidence 1");
    expect(errors.evidenceDate?.[0]).toContain("2018-07-10");
  });
});

describe("evidence errors by row", () => {
  it("puts each row's messages beside that row", () => {
    const result = assessmentFormSchema.safeParse({ ...base, evidenceUrl: ["https://x.org", "", "example.org"], evidenceTitle: ["", "", "T"], evidenceDate: ["", "", "10/07/2018"] });
    const byRow = evidenceErrorsByRow(z.flattenError(result.error!).fieldErrors as Record<string, string[]>);
    expect([...byRow.keys()].sort()).toEqual([1, 3]);
    expect(byRow.get(1)!.title[0]).toMatch(/give a title/);
    expect(byRow.get(3)!.url[0]).toMatch(/http/);
    expect(byRow.get(3)!.date[0]).toMatch(/2018-07-10/);
    expect(byRow.get(3)!.url[0]).toMatch(/^Evidence 3: /);
  });
});

describe("carry-forward form", () => {
  it("reads each chosen benchmark with the latest id seen when the page was opened", () => {
    expect(carryForwardSchema.parse({ roundSlug: "hrc-37", chosen: ["release-liu-xia:0", "end-rsdl:42"] }).chosen).toEqual([
      { benchmarkSlug: "release-liu-xia", expectedLatestId: 0 },
      { benchmarkSlug: "end-rsdl", expectedLatestId: 42 },
    ]);
  });

  it("needs at least one and at most the limit, and refuses anything but slug:id", () => {
    const errorOf = (chosen: unknown) => (z.flattenError(carryForwardSchema.safeParse({ roundSlug: "hrc-37", chosen }).error!).fieldErrors as Record<string, string[]>).chosen?.[0];
    expect(errorOf(undefined)).toMatch(/at least one/);
    expect(errorOf([])).toMatch(/at least one/);
    expect(errorOf(Array.from({ length: CARRY_FORWARD_LIMIT + 1 }, (_, i) => `b-${i}:0`))).toMatch(/at most/);
    for (const bad of ["release-liu-xia", "release-liu-xia:-1", "Release:1", "x:1:2", "a:1' or 1=1"]) expect(errorOf([bad]), bad).toBeTruthy();
  });
});

describe("which button saved", () => {
  it("stays on the form unless the next-benchmark button was pressed", () => {
    expect(assessmentFormSchema.parse(base).afterSave).toBe("stay");
    expect(assessmentFormSchema.parse({ ...base, afterSave: "next" }).afterSave).toBe("next");
    expect(assessmentFormSchema.safeParse({ ...base, afterSave: "elsewhere" }).success).toBe(false);
  });
});

describe("one answer names every problem", () => {
  it("reports a bad evidence row together with a missing status and a short rationale", () => {
    const result = assessmentFormSchema.safeParse({ ...base, status: "", rationale: "short", evidenceUrl: ["not a link"], evidenceTitle: [""], evidenceDate: [""] });
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>;
    expect(Object.keys(errors).sort()).toEqual(["evidenceTitle", "evidenceUrl", "rationale", "status"]);
  });

  it("does not read the rows when a column is not a list of texts", () => {
    const result = assessmentFormSchema.safeParse({ ...base, evidenceUrl: [{ url: "x" }], evidenceTitle: ["t"] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((i) => i.path[0] === "evidenceUrl")).toBe(true);
  });
});
