import { describe, expect, it } from "vitest";
import { parseSearchTerm } from "./search";

describe("parseSearchTerm", () => {
  it("trims and keeps the first value", () => {
    expect(parseSearchTerm("  Liu ")).toBe("Liu");
    expect(parseSearchTerm(["刘霞", "x"])).toBe("刘霞");
  });

  it("is empty when absent and cut to 100 characters when long", () => {
    expect(parseSearchTerm(undefined)).toBe("");
    expect(parseSearchTerm("a".repeat(500))).toHaveLength(100);
  });
});
