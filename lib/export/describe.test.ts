import { describe, expect, it } from "vitest";
import { describeFilters, exportFileName } from "./describe";

describe("export naming", () => {
  it("describes the filters in a stable order, or says there are none", () => {
    expect(describeFilters({ subject: "liu-xia", track: "un-hrc" })).toBe("track = un-hrc; subject = liu-xia");
    expect(describeFilters({})).toBe("none (all published data)");
  });

  it("puts the kind, the filters and the data version in the file name", () => {
    expect(exportFileName("scores", { track: "upr" }, "2026-11-23T04:56:12.345Z", "csv")).toBe("dialogue-scorecard-scores-upr-2026-11-23-04-56.csv");
    expect(exportFileName("benchmarks", {}, null, "xlsx")).toBe("dialogue-scorecard-benchmarks-unpublished.xlsx");
  });
});
