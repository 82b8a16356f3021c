import { describe, expect, it } from "vitest";
import { markPreliminary, roundChartLabels } from "./round-labels";

describe("roundChartLabels", () => {
  it("labels a round by its track and year", () => {
    expect(roundChartLabels([{ trackShortName: "HRC", startDate: "2016-03-01" }])).toEqual(["HRC 2016"]);
  });

  it("adds the month only where one track has two rounds in a year", () => {
    expect(
      roundChartLabels([
        { trackShortName: "HRC", startDate: "2018-02-26" },
        { trackShortName: "HRC", startDate: "2018-09-10" },
        { trackShortName: "UPR", startDate: "2018-11-01" },
      ]),
    ).toEqual(["HRC Feb 2018", "HRC Sep 2018", "UPR 2018"]);
  });

  it("returns nothing for no rounds", () => {
    expect(roundChartLabels([])).toEqual([]);
  });
});

describe("markPreliminary", () => {
  it("says which rounds on a chart are preliminary", () => {
    expect(markPreliminary(["HRC 2018", "HRC 2019"], [{ preliminary: false }, { preliminary: true }])).toEqual(["HRC 2018", "HRC 2019 (preliminary)"]);
  });
});

describe("round labels in Chinese", () => {
  it("use the track's Chinese short name, the month written the Chinese way, and mark preliminary rounds in Chinese", () => {
    const rounds = [
      { trackShortName: "HRC", trackShortNameZh: "人权理事会", startDate: "2018-02-26" },
      { trackShortName: "HRC", trackShortNameZh: "人权理事会", startDate: "2018-09-10" },
      { trackShortName: "UPR", trackShortNameZh: null, startDate: "2018-11-01" },
    ];
    const labels = roundChartLabels(rounds, "zh");
    expect(labels).toEqual(["人权理事会 2018年2月", "人权理事会 2018年9月", "UPR 2018"]);
    expect(markPreliminary(labels, [{ preliminary: false }, { preliminary: true }, { preliminary: false }], "zh")[1]).toBe("人权理事会 2018年9月（初步）");
  });
});
