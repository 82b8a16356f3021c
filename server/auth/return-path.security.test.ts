import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("the page to return to after sign-in", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/editor/rounds/hrc-37?tab=x")).toBe("/editor/rounds/hrc-37?tab=x");
    expect(safeReturnPath(["/review", "/editor"])).toBe("/review");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "javascript:alert(1)", "", "review"])(
    "never leads off the site: %j",
    (next) => expect(safeReturnPath(next)).toBe("/review"),
  );
});
