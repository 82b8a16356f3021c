import { describe, expect, it } from "vitest";
import { formatReleaseDate, parseReleaseParam, releaseCitation } from "./releases";

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

  it("cite a release in Chinese with the same address, the UTC day in Chinese", () => {
    expect(releaseCitation({ number: 4, publishedAt: "2026-12-01T23:30:00.000Z" }, "https://scorecard.example", "zh")).toBe(
      "对话记分卡，数据发布第 4 版（2026年12月1日）。https://scorecard.example/releases/4",
    );
    expect(formatReleaseDate("2026-12-31T23:59:59.000Z", "zh")).toBe("2026年12月31日");
    expect(formatReleaseDate("2026-01-05T00:00:00.000Z")).toBe("5 January 2026");
  });
});
