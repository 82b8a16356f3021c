import { describe, expect, it } from "vitest";
import { isIdentifier, matchesTerm, MAX_SUGGESTIONS, mergeSuggestions, resolveTyped, subjectOptionLabel, suggestionsUrl, toSuggestion } from "./filter-suggestions";
import { dashboardFiltersSchema } from "./validation/dashboard-filters";

const liuXia = { slug: "liu-xia", name: "Liu Xia", nameZh: "刘霞", kind: "person" };
const liuXiaobo = { slug: "liu-xiaobo", name: "Liu Xiaobo", nameZh: "刘晓波", kind: "person" };
const rtl = { slug: "re-education-through-labour", name: "Re-education through labour", nameZh: null, kind: "practice" };

describe("filter suggestions", () => {
  it("label people by their names and laws or practices as such, as the <select> did", () => {
    expect(toSuggestion(liuXia)).toEqual({ slug: "liu-xia", label: "Liu Xia 刘霞", names: ["Liu Xia", "刘霞"] });
    expect(toSuggestion(rtl).label).toBe("Re-education through labour (law or practice)");
    expect(subjectOptionLabel("Liu Xia", "person")).toBe("Liu Xia");
    expect(toSuggestion({ slug: "s-1", title: "A joint letter" })).toEqual({ slug: "s-1", label: "A joint letter", names: ["A joint letter"] });
  });

  it("keep only what the browser's datalist would show for the term: value or label containing it, ignoring case and spaces", () => {
    expect(matchesTerm(toSuggestion(liuXiaobo), "liuxiao")).toBe(true);
    expect(matchesTerm(toSuggestion(liuXiaobo), "晓波")).toBe(true);
    expect(matchesTerm(toSuggestion(liuXiaobo), "xiaobo-")).toBe(false);
    // The API also matches descriptions; such a hit would be an invisible option.
    expect(mergeSuggestions([{ data: [liuXia, rtl] }], "liu")).toEqual([toSuggestion(liuXia)]);
  });

  it("merge people and laws into one sorted list of at most ten", () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ slug: `li-${i}`, name: `Li ${String(i).padStart(2, "0")}`, kind: "person" }));
    const merged = mergeSuggestions([{ data: many }, { data: [liuXia] }, {}], "li");
    expect(merged).toHaveLength(MAX_SUGGESTIONS);
    expect(merged[0]!.label).toBe("Li 00");
    expect(mergeSuggestions([{ data: [liuXiaobo] }, { data: [liuXia] }], "liu").map((s) => s.slug)).toEqual(["liu-xia", "liu-xiaobo"]);
  });

  it("ask the API with the documented q and pageSize parameters, the term encoded", () => {
    expect(suggestionsUrl("/api/v1/people", " 刘 霞 ")).toBe("/api/v1/people?q=%E5%88%98+%E9%9C%9E&pageSize=10");
  });

  it("turn a name typed in full into its slug, and explain what the server would refuse", () => {
    const suggestions = [liuXia, liuXiaobo].map(toSuggestion);
    expect(resolveTyped("liu-xiaobo", suggestions)).toEqual({ value: "liu-xiaobo" });
    expect(resolveTyped(" liu xia ", suggestions)).toEqual({ value: "liu-xia" });
    expect(resolveTyped("刘晓波", suggestions)).toEqual({ value: "liu-xiaobo" });
    expect(resolveTyped("", suggestions)).toEqual({ value: "" });
    // An identifier typed by hand goes to the server, which says whether it names anything.
    expect(resolveTyped("someone-else", [])).toEqual({ value: "someone-else" });
    expect(resolveTyped("Liu Xia", [...suggestions, toSuggestion({ ...liuXia, slug: "liu-xia-2" })])).toEqual({ problem: "Several match “Liu Xia”: choose one of the suggestions." });
    expect(resolveTyped("Liu", suggestions)).toMatchObject({ problem: expect.stringContaining("“Liu” is not an identifier") });
  });

  it("recognise identifiers exactly as the dashboard's filter parser does", () => {
    for (const value of ["liu-xia", "statement-12", "a", "x".repeat(120), "x".repeat(121), "Liu-Xia", "liu--xia", "-liu", "liu xia", "刘霞", ""]) {
      expect(isIdentifier(value), value).toBe(dashboardFiltersSchema.shape.subject.safeParse(value).success);
    }
  });
});
