import { describe, expect, it } from "vitest";
import { CHANGE_TIME_FORMAT, formatDate, formatIndex, formatPercent, formatRoundDate, formatScope, formatSignedDelta } from "./format";

describe("figures", () => {
  it("prints the index with one decimal, or a dash when there is none", () => {
    expect(formatIndex(62.5)).toBe("62.5");
    expect(formatIndex(100 / 3)).toBe("33.3");
    expect(formatIndex(0)).toBe("0.0");
    expect(formatIndex(null)).toBe("—");
  });

  it("prints fractions as whole percents", () => {
    expect(formatPercent(0.754)).toBe("75%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("—");
  });

  it("signs a change with a plus, a true minus or ±", () => {
    expect(formatSignedDelta(5)).toBe("+5.0");
    expect(formatSignedDelta(-2.54)).toBe("\u22122.5");
    expect(formatSignedDelta(0.01)).toBe("±0.0");
    expect(formatSignedDelta(null)).toBe("—");
  });
});

describe("dates at their precision", () => {
  it("prints a two-day round within a month", () => {
    expect(formatRoundDate("2013-07-30", "2013-07-31", "day")).toBe("30–31 July 2013");
    expect(formatRoundDate("2015-08-13", "2015-08-14", "day")).toBe("13–14 August 2015");
  });

  it("prints a session across two months", () => {
    expect(formatRoundDate("2018-02-26", "2018-03-23", "day")).toBe("26 February – 23 March 2018");
    expect(formatRoundDate("2018-02-01", "2018-03-01", "month")).toBe("February–March 2018");
  });

  it("prints only what is known: a month, or a year", () => {
    expect(formatRoundDate("2012-07-01", null, "month")).toBe("July 2012");
    expect(formatRoundDate("2018-01-01", null, "year")).toBe("2018");
    expect(formatDate("2017-07-13", "day")).toBe("13 July 2017");
  });

  it("refuses what is not an ISO date", () => {
    expect(() => formatRoundDate("July 2012", null, "month")).toThrow(RangeError);
  });
});

describe("formatScope", () => {
  it("names the tracks a benchmark is assessed at, or every track", () => {
    expect(formatScope([])).toBe("every track's rounds");
    expect(formatScope(["US–China Human Rights Dialogue"])).toBe("US–China Human Rights Dialogue rounds");
    expect(formatScope(["UN Human Rights Council", "Universal Periodic Review"])).toBe("UN Human Rights Council and Universal Periodic Review rounds");
    expect(formatScope(["A", "B", "C"])).toBe("A, B and C rounds");
  });
});

describe("dates in Chinese", () => {
  it("prints each precision with 年月日 and 至 between the ends", () => {
    expect(formatRoundDate("2013-07-30", "2013-07-31", "day", "zh")).toBe("2013年7月30日至31日");
    expect(formatRoundDate("2018-02-26", "2018-03-23", "day", "zh")).toBe("2018年2月26日至3月23日");
    expect(formatRoundDate("2012-07-01", null, "month", "zh")).toBe("2012年7月");
    expect(formatRoundDate("2018-02-01", "2018-03-01", "month", "zh")).toBe("2018年2月至3月");
    expect(formatDate("2018-01-01", "year", "zh")).toBe("2018年");
    expect(formatDate("2017-07-13", "day", "zh")).toBe("2017年7月13日");
  });
});

describe("CHANGE_TIME_FORMAT", () => {
  it("says the day and the minute of a change in UTC, in each language's order", () => {
    const at = new Date("2026-12-03T14:05:30.000Z");
    expect(new Intl.DateTimeFormat("en", CHANGE_TIME_FORMAT).format(at)).toBe("Dec 3, 2026, 14:05 UTC");
    expect(new Intl.DateTimeFormat("zh-Hans", CHANGE_TIME_FORMAT).format(at)).toBe("2026年12月3日 UTC 14:05");
  });
});
