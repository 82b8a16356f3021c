import { describe, expect, it } from "vitest";
import { canonicalDashboardQuery, filtersToQuery, hasFilters, parseDashboardFilters } from "./dashboard-filters";

describe("dashboard filters in the URL", () => {
  it("reads every filter", () => {
    const { filters, problems } = parseDashboardFilters({
      track: "un-hrc",
      from: "hrc-31",
      to: "upr-china-2018",
      category: "legal-reform",
      addressee: "chinese_government",
      statement: "lawyers-2015-statement",
      subject: "liu-xia",
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      track: "un-hrc",
      from: "hrc-31",
      to: "upr-china-2018",
      category: "legal-reform",
      addressee: "chinese_government",
      statement: "lawyers-2015-statement",
      subject: "liu-xia",
    });
  });

  it("drops malformed values with a message and keeps the rest", () => {
    const { filters, problems } = parseDashboardFilters({ addressee: "martians", category: "<script>", track: "un-hrc" });
    expect(filters).toEqual({ track: "un-hrc" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("category");
    expect(problems[1]).toContain("addressee");
  });

  it("can leave the dropped value out of the message", () => {
    expect(parseDashboardFilters({ addressee: "martians", track: "A B" }, { quoteValues: false }).problems).toEqual([
      "track: the value is not a valid identifier",
      "addressee: the value is not one of the options",
    ]);
  });

  it("spells every query for the same dashboard the same way, whatever else it carries", () => {
    const canonical = canonicalDashboardQuery({ track: "un-hrc", category: "legal-reform" });
    expect(canonical).toBe("track=un-hrc&category=legal-reform");
    expect(canonicalDashboardQuery({ category: "legal-reform", x: "1", track: ["un-hrc", "upr"], _rsc: "abc", from: "" })).toBe(canonical);
    expect(canonicalDashboardQuery({ addressee: "martians" })).toBe(canonicalDashboardQuery({ addressee: "x".repeat(5000) }));
    const malformed = Object.fromEntries(new URLSearchParams(canonicalDashboardQuery({ addressee: "martians", track: "<b>" })));
    expect(parseDashboardFilters(malformed, { quoteValues: false })).toEqual(parseDashboardFilters({ addressee: "martians", track: "<b>" }, { quoteValues: false }));
    expect(canonicalDashboardQuery({})).toBe("");
  });

  it("ignores empty values and unknown keys, and takes the first of repeated keys", () => {
    expect(parseDashboardFilters({ track: "", foo: "bar", category: ["a", "b"] })).toEqual({ filters: { category: "a" }, problems: [] });
  });

  it("writes filters back in a stable order, so the same view has the same URL", () => {
    expect(filtersToQuery({ subject: "liu-xia", track: "upr" })).toBe("?track=upr&subject=liu-xia");
    expect(filtersToQuery({})).toBe("");
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ category: "x" })).toBe(true);
  });

  it("round-trips through the query string", () => {
    const filters = { track: "un-hrc", addressee: "us_government" as const };
    const query = new URLSearchParams(filtersToQuery(filters));
    expect(parseDashboardFilters(Object.fromEntries(query)).filters).toEqual(filters);
  });
});
