import { describe, expect, it } from "vitest";
import { canonicalDashboardQuery, filtersToQuery, hasFilters, parseDashboardFilters, parseDashboardPages } from "./dashboard-filters";

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

describe("the dashboard's pages", () => {
  it("are whole numbers from 1, written plainly; anything else is page 1 and said to be ignored", () => {
    expect(parseDashboardPages({ heatPage: "3", changesPage: "2" })).toEqual({ pages: { heatPage: 3, changesPage: 2 }, problems: [] });
    expect(parseDashboardPages({})).toEqual({ pages: { heatPage: 1, changesPage: 1 }, problems: [] });
    for (const bad of ["0", "-1", "1.5", "02", "abc", "1e3", "100001"]) {
      const parsed = parseDashboardPages({ heatPage: bad });
      expect(parsed.pages.heatPage, bad).toBe(1);
      expect(parsed.problems, bad).toEqual(["heatPage: the value is not a page number"]);
    }
  });

  it("join the canonical query after the filters, page 1 as no page, every malformed value as one", () => {
    expect(canonicalDashboardQuery({ heatPage: "2", track: "un-hrc" })).toBe("track=un-hrc&heatPage=2");
    expect(canonicalDashboardQuery({ heatPage: "1", changesPage: "1" })).toBe("");
    expect(canonicalDashboardQuery({ changesPage: "x" })).toBe(canonicalDashboardQuery({ changesPage: "-4" }));
    expect(canonicalDashboardQuery({ changesPage: ["3", "4"] })).toBe("changesPage=3");
  });

  it("are not filters: the exports, embeds and the filter form ignore them", () => {
    expect(parseDashboardFilters({ heatPage: "2", track: "un-hrc" }).filters).toEqual({ track: "un-hrc" });
    expect(hasFilters(parseDashboardFilters({ heatPage: "2" }).filters)).toBe(false);
  });
});
