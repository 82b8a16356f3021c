import { describe, expect, it } from "vitest";
import { changedFields, changeSides, describeValue } from "./record-changes";

describe("changedFields", () => {
  it("lists only the fields whose value differs, lists compared item by item", () => {
    const changes = changedFields({ title: "A", aliases: ["x"], role: null }, { title: "B", aliases: ["x"], role: "" });
    expect(changes).toEqual([{ field: "title", before: "A", after: "B" }, { field: "role", before: null, after: "" }]);
    expect(changeSides(changes)).toEqual({ before: { title: "A", role: null }, after: { title: "B", role: "" } });
  });

  it("finds nothing when nothing changed", () => {
    expect(changedFields({ a: 1, b: ["p", "q"] }, { a: 1, b: ["p", "q"] })).toEqual([]);
    expect(changedFields({ b: ["p", "q"] }, { b: ["q", "p"] })).toHaveLength(1);
  });
});

describe("describeValue", () => {
  it("quotes text, joins lists and says (none) for nothing", () => {
    expect(describeValue("Gao Yu")).toBe("“Gao Yu”");
    expect(describeValue(["a", "b"])).toBe("“a”, “b”");
    expect(describeValue(null)).toBe("(none)");
    expect(describeValue("")).toBe("(none)");
    expect(describeValue(true)).toBe("yes");
    expect(describeValue("x".repeat(200))).toHaveLength(160);
  });

  it("says nothing, yes, no and the list's separator in the words it is given", () => {
    const words = { none: "（无）", yes: "是", no: "否", separator: "、" };
    expect(describeValue(null, words)).toBe("（无）");
    expect(describeValue([], words)).toBe("（无）");
    expect(describeValue(["a", null], words)).toBe("“a”、（无）");
    expect(describeValue(false, words)).toBe("否");
  });
});
