import { describe, expect, it } from "vitest";
import { describePage, formatCount, pageInfo, pageQuery, pageWindow } from "./pagination";

describe("pageInfo", () => {
  it("places a page in the list", () => {
    expect(pageInfo(1, 100, 90_412)).toMatchObject({ pageCount: 905, offset: 0, from: 1, to: 100, outOfRange: false });
    expect(pageInfo(905, 100, 90_412)).toMatchObject({ offset: 90_400, from: 90_401, to: 90_412, outOfRange: false });
  });

  it("marks a page past the end, and keeps one empty page for an empty list", () => {
    expect(pageInfo(906, 100, 90_412)).toMatchObject({ outOfRange: true, from: 0, to: 0 });
    expect(pageInfo(1, 100, 0)).toMatchObject({ pageCount: 1, outOfRange: false, from: 0, to: 0 });
    expect(pageInfo(2, 100, 0).outOfRange).toBe(true);
  });
});

describe("pageWindow", () => {
  it("links the first, the last and the pages around the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 905)).toEqual([1, 2, 3, "gap", 905]);
    expect(pageWindow(450, 905)).toEqual([1, "gap", 448, 449, 450, 451, 452, "gap", 905]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("describePage", () => {
  it("says which rows are shown out of how many", () => {
    expect(describePage(pageInfo(1, 100, 90_412), "benchmarks")).toBe("Showing 1–100 of 90,412 benchmarks.");
    expect(describePage(pageInfo(3, 20, 49), "benchmarks")).toBe("Showing 41–49 of 49 benchmarks.");
    expect(describePage(pageInfo(9, 20, 49), "benchmarks")).toBe("There is no page 9: 49 benchmarks fill 3 pages.");
    expect(describePage(pageInfo(1, 20, 0), "benchmarks")).toBe("No benchmarks.");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("pageQuery", () => {
  it("keeps a search and a non-default page size in page links, and nothing for the first page", () => {
    expect(pageQuery(1, 100, 100)).toBe("");
    expect(pageQuery(3, 100, 100)).toBe("?page=3");
    expect(pageQuery(2, 20, 100, { q: "刘" })).toBe(`?q=${encodeURIComponent("刘")}&pageSize=20&page=2`);
    expect(pageQuery(1, 100, 100, { q: "" })).toBe("");
  });
});
