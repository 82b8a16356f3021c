import { describe, expect, it } from "vitest";
import { parseScorecardParams } from "./scorecard-params";

describe("round scorecard parameters", () => {
  it("defaults to sorting by category with no filter", () => {
    expect(parseScorecardParams({})).toEqual({ sort: "category", status: undefined, category: undefined });
  });

  it("reads a sort, a status and a category", () => {
    expect(parseScorecardParams({ sort: "status", status: "not_met", category: "legal-reform" })).toEqual({
      sort: "status",
      status: "not_met",
      category: "legal-reform",
    });
  });

  it("falls back to the default for values it does not know", () => {
    expect(parseScorecardParams({ sort: "drop table", status: "great", category: "<b>" })).toEqual({
      sort: "category",
      status: undefined,
      category: undefined,
    });
  });
});
