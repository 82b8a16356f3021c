import { describe, expect, it } from "vitest";
import { breakOpportunities } from "./fonts";

// An empty part is a break without a hyphen (react-pdf's zero-width glue).
const breaksIn = (word: string) => breakOpportunities(word).filter((p) => p !== "");

describe("where a PDF line may break inside a word", () => {
  it("never splits a Latin word, so no hyphen appears inside a name or a title", () => {
    expect(breakOpportunities("Liu-Xiaobo's")).toEqual(["Liu-Xiaobo's"]);
    expect(breakOpportunities("re-education")).toEqual(["re-education"]);
  });

  it("may break between any two Chinese characters, keeping every character once", () => {
    expect(breaksIn("释放刘霞")).toEqual(["释", "放", "刘", "霞"]);
    expect(breakOpportunities("释放刘霞").join("")).toBe("释放刘霞");
    expect(breakOpportunities("释放")).toEqual(["释", "", "放"]);
  });

  it("does not begin a line with closing punctuation nor end one with opening punctuation", () => {
    expect(breaksIn("释放，刘霞。")).toEqual(["释", "放，", "刘", "霞。"]);
    expect(breaksIn("《刑法》第73条")).toEqual(["《刑", "法》", "第", "73", "条"]);
  });

  it("breaks between Chinese and Latin text run together", () => {
    expect(breaksIn("刘霞Liu")).toEqual(["刘", "霞", "Liu"]);
  });
});
