import { describe, expect, it } from "vitest";
import { parseScorecardParams, scorecardQuery } from "./scorecard-params";

describe("round scorecard parameters", () => {
  it("defaults to the first 100 benchmarks sorted by category with no filter", () => {
    expect(parseScorecardParams({})).toEqual({ sort: "category", status: undefined, category: undefined, page: 1, pageSize: 100, problems: [] });
  });

  it("reads a sort, a status, a category, a page and a page size", () => {
    expect(parseScorecardParams({ sort: "status", status: "not_met", category: "legal-reform", page: "3", pageSize: "20" })).toEqual({
      sort: "status",
      status: "not_met",
      category: "legal-reform",
      page: 3,
      pageSize: 20,
      problems: [],
    });
  });

  it("falls back to the default for values it does not know", () => {
    expect(parseScorecardParams({ sort: "drop table", status: "great", category: "<b>" })).toMatchObject({
      sort: "category",
      status: undefined,
      category: undefined,
    });
  });

  it("shows the first page for a malformed page number, and says so", () => {
    for (const page of ["0", "-2", "abc", "1.5", "1e99"]) {
      const params = parseScorecardParams({ page });
      expect(params.page, page).toBe(1);
      expect(params.problems, page).toEqual([`“${page}” is not a page number, so the first page is shown.`]);
    }
  });

  it("caps the page size at 500 and refuses a malformed one", () => {
    expect(parseScorecardParams({ pageSize: "5000" })).toMatchObject({ pageSize: 500, problems: ["At most 500 per page are shown."] });
    expect(parseScorecardParams({ pageSize: "none" })).toMatchObject({ pageSize: 100, problems: ["“none” is not a page size, so 100 per page are shown."] });
  });

  it("writes a view back to a query string without its defaults", () => {
    expect(scorecardQuery({ sort: "category" })).toBe("");
    expect(scorecardQuery({ sort: "title", status: "met", category: "legal-reform", pageSize: 20 }, 2)).toBe("?sort=title&status=met&category=legal-reform&pageSize=20&page=2");
    expect(scorecardQuery({ sort: "category", pageSize: 100 }, 1)).toBe("");
  });
});
