import { describe, expect, it } from "vitest";
import { benchmarkColumns, rowValues, SCORE_COLUMNS, scoreColumns } from "./columns";
import type { BenchmarkExportRow, ScoreExportRow } from "./rows";

const score: ScoreExportRow = {
  roundSlug: "hrc-37",
  roundName: "Human Rights Council, 37th session",
  roundNameZh: "人权理事会第37届会议",
  roundStart: "2018-02-26",
  track: "UN Human Rights Council",
  trackZh: null,
  benchmarkSlug: "release-liu-xia",
  benchmarkTitle: "End Liu Xia's house arrest",
  benchmarkTitleZh: "解除对刘霞的软禁",
  category: "Release of detained people",
  categoryZh: "  ",
  addressee: "chinese_government",
  status: "partial",
  basis: "editor",
  rationale: "Still held.",
  rationaleLang: "en",
  publicRecord: true,
  evidence: "",
  sources: "A letter",
  sourcesZh: "一封信",
  people: "Liu Xia (刘霞)",
  laws: "",
  demo: false,
  publishedAt: "2026-01-01T00:00:00.000Z",
};

const benchmark: BenchmarkExportRow = {
  slug: "release-liu-xia",
  title: "End Liu Xia's house arrest",
  titleZh: null,
  category: "Release of detained people",
  categoryZh: "释放被拘押者",
  addressee: "un_member_states",
  appliesFrom: "HRC 31",
  appliesFromZh: "人权理事会第31届会议",
  assessedAt: [],
  assessedAtZh: [],
  retiredOn: null,
  retiredReason: null,
  sources: "A letter",
  sourcesZh: null,
  people: "",
  laws: "",
};

const byKey = <T,>(columns: { key: string; header: string; value: (r: T) => unknown }[], row: T) => Object.fromEntries(columns.map((c) => [c.key, { header: c.header, value: c.value(row) }]));

describe("export columns", () => {
  it("keep the English headers, words and texts by default", () => {
    const cells = byKey(SCORE_COLUMNS, score);
    expect(cells.benchmark).toEqual({ header: "Benchmark", value: "End Liu Xia's house arrest" });
    expect(cells.status).toEqual({ header: "Status", value: "Partial" });
    expect(cells.basis!.value).toBe("Editor's decision");
    expect(cells.sources!.value).toBe("A letter");
  });

  it("in Chinese: Chinese headers and status words, Chinese texts where written, the English where not or blank", () => {
    const cells = byKey(scoreColumns("zh"), score);
    expect(cells.benchmark).toEqual({ header: "基准", value: "解除对刘霞的软禁" });
    expect(cells.round!.value).toBe("人权理事会第37届会议");
    expect(cells.track!.value).toBe("UN Human Rights Council");
    expect(cells.category!.value).toBe("Release of detained people");
    expect(cells.status).toEqual({ header: "状态", value: "部分落实" });
    expect(cells.status_code!.value).toBe("partial");
    expect(cells.addressee!.value).toBe("中国政府");
    expect(cells.public_record!.value).toBe("是，来源待核实");
    expect(cells.demo!.value).toBe("否");
    expect(cells.sources!.value).toBe("一封信");
  });

  it("keep the same keys, in the same order, in both languages", () => {
    expect(scoreColumns("zh").map((c) => c.key)).toEqual(scoreColumns("en").map((c) => c.key));
    expect(benchmarkColumns("zh").map((c) => c.key)).toEqual(benchmarkColumns("en").map((c) => c.key));
    expect(new Set(scoreColumns("zh").map((c) => c.header)).size).toBe(scoreColumns("zh").length);
  });

  it("write a benchmark in Chinese with its scope as all tracks in Chinese", () => {
    const cells = byKey(benchmarkColumns("zh"), benchmark);
    expect(cells.benchmark!.value).toBe("End Liu Xia's house arrest");
    expect(cells.applies_from!.value).toBe("人权理事会第31届会议");
    expect(cells.assessed_at!.value).toBe("所有机制");
    expect(cells.addressee!.value).toBe("联合国会员国");
    expect(rowValues(benchmarkColumns("en"), benchmark)[5]).toBe("All tracks");
  });
});
