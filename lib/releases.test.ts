import { describe, expect, it } from "vitest";
import { parseReleaseParam, releaseCitation } from "./releases";

describe("release addresses", () => {
  it("read ?release= as a positive whole number, and anything else as no release", () => {
    expect(parseReleaseParam(undefined)).toBeUndefined();
    expect(parseReleaseParam("3")).toBe(3);
    expect(parseReleaseParam(["12", "4"])).toBe(12);
    for (const bad of ["0", "-1", "1.5", "03", "1e3", "", "abc", "9999999999"]) expect(parseReleaseParam(bad), bad).toBeNull();
  });

  it("cite a release by number, day and stable address", () => {
    expect(releaseCitation({ number: 4, publishedAt: "2026-12-01T23:30:00.000Z" }, "https://scorecard.example/")).toBe(
      "Dialogue Scorecard, data release 4 (1 December 2026). https://scorecard.example/releases/4",
    );
  });
});
