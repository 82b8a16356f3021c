import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessmentFormSchema } from "./assessment";

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
