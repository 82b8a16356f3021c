import { describe, expect, it } from "vitest";
import { describeChange, describeDataVersion, describeFilters, describeRelease, describeFiltersInWords, exportFileName, firstSentence } from "./describe";

describe("export naming", () => {
  it("describes the filters in a stable order, or says there are none", () => {
    expect(describeFilters({ subject: "liu-xia", track: "un-hrc" })).toBe("track = un-hrc; subject = liu-xia");
    expect(describeFilters({})).toBe("none (all published data)");
  });

  it("says the filters in words, with the names their identifiers stand for", () => {
    expect(describeFiltersInWords({ from: "hrc-40", to: "hrc-40" }, { from: "Human Rights Council, 40th session", to: "Human Rights Council, 40th session" })).toBe(
      "Round: Human Rights Council, 40th session",
    );
    expect(
      describeFiltersInWords(
        { from: "hrc-31", to: "hrc-37", track: "un-hrc", category: "legal-reform", addressee: "chinese_government", statement: "hrw-2013", subject: "liu-xia" },
        {
          from: "Human Rights Council, 31st session",
          to: "Human Rights Council, 37th session",
          track: "UN Human Rights Council",
          category: "Legal reform",
          statement: { title: "Human Rights Watch letter", date: "2013-07-01", datePrecision: "month" },
          subject: { name: "Liu Xia", nameZh: "刘霞" },
        },
      ),
    ).toBe(
      "Rounds: from Human Rights Council, 31st session to Human Rights Council, 37th session; Track: UN Human Rights Council; Category: Legal reform; " +
        "Addressed to: Chinese government; Statement: Human Rights Watch letter (July 2013); Person or law: Liu Xia 刘霞",
    );
    expect(describeFiltersInWords({ to: "hrc-37" }, { to: "Human Rights Council, 37th session" })).toBe("Rounds: up to Human Rights Council, 37th session");
    expect(describeFiltersInWords({ from: "hrc-37" }, {})).toBe("Rounds: from hrc-37 on");
    expect(describeFiltersInWords({}, {})).toBe("none (all published data)");
  });

  it("says a change of status and the data version in words", () => {
    expect(describeChange("not_met", "partial")).toBe("Not met → Partial");
    expect(describeDataVersion("2026-11-23T04:56:12.345Z")).toBe("published 2026-11-23 04:56 UTC");
    expect(describeDataVersion(null)).toBe("nothing published in this view");
  });

  it("names the release a PDF was made from and where it stays retrievable", () => {
    expect(describeRelease({ number: 12, publishedAt: "2026-11-23T04:56:12.345Z", url: "https://scorecard.example/releases/12" })).toBe(
      "number 12, published 2026-11-23 04:56 UTC, the latest when this was made; cite it as https://scorecard.example/releases/12, where this version stays retrievable",
    );
    expect(describeRelease(null)).toBe("none yet (nothing has been published)");
  });

  it("cuts a rationale to its first sentence, and a long one at a word", () => {
    expect(firstSentence("Released in 2017. Still watched.")).toBe("Released in 2017.");
    expect(firstSentence("No full stop here")).toBe("No full stop here");
    expect(firstSentence("word ".repeat(50), 20)).toBe("word word word word…");
    expect(firstSentence("  ")).toBeNull();
    expect(firstSentence(null)).toBeNull();
  });

  it("puts the kind, the filters and the data version in the file name", () => {
    expect(exportFileName("scores", { track: "upr" }, "2026-11-23T04:56:12.345Z", "csv")).toBe("dialogue-scorecard-scores-upr-2026-11-23-04-56.csv");
    expect(exportFileName("benchmarks", {}, null, "xlsx")).toBe("dialogue-scorecard-benchmarks-unpublished.xlsx");
  });
});
