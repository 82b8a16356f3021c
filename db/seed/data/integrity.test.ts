import { describe, expect, it } from "vitest";
import { SEED_DATA } from ".";

const { sources, tracks, rounds, categories, organisations, statements, subjects, benchmarks } = SEED_DATA;
const slugs = (items: { slug: string }[]) => new Set(items.map((i) => i.slug));
const roundStart = new Map(rounds.map((r) => [r.slug, r.startDate]));
const statementDate = new Map(statements.map((s) => [s.slug, s.date]));

describe("seed dataset integrity", () => {
  it("has unique slugs in every list", () => {
    for (const list of [sources, tracks, rounds, categories, organisations, statements, subjects, benchmarks]) {
      expect(slugs(list).size).toBe(list.length);
    }
  });

  it("holds the three tracks and the seven rounds of 2012–2018 in the sources", () => {
    expect(tracks).toHaveLength(3);
    expect(rounds.map((r) => r.slug)).toEqual([
      "uschrd-2012-washington",
      "uschrd-2013-kunming",
      "uschrd-2015-washington",
      "hrc-31",
      "hrc-34",
      "hrc-37",
      "upr-china-2018",
    ]);
    expect(rounds.every((r) => r.startDate >= "2012-01-01" && r.startDate <= "2018-12-31")).toBe(true);
    expect(rounds.every((r) => r.endDate === null || r.endDate >= r.startDate)).toBe(true);
  });

  it("cites an existing source document for every round, statement and subject", () => {
    const known = slugs(sources);
    for (const item of [...rounds, ...statements, ...subjects]) expect(known.has(item.sourceSlug), item.slug).toBe(true);
    for (const event of subjects.flatMap((s) => s.events)) {
      if (event.sourceSlug !== null) expect(known.has(event.sourceSlug), event.description).toBe(true);
    }
  });

  it("links statements to existing rounds and organisations, never addressing a round that came before them", () => {
    const orgs = slugs(organisations);
    for (const s of statements) {
      for (const p of s.publisherSlugs) expect(orgs.has(p), `${s.slug} publisher ${p}`).toBe(true);
      for (const sig of s.signatories) if (sig.organisationSlug) expect(orgs.has(sig.organisationSlug)).toBe(true);
      if (s.roundSlug !== null) {
        expect(roundStart.has(s.roundSlug), s.slug).toBe(true);
        expect(s.date <= roundStart.get(s.roundSlug)!, s.slug).toBe(true);
      }
    }
  });

  it("keeps the 2015 lawyers' signatories as listed and the 15 organisations of the 2018 letter", () => {
    const lawyers = statements.find((s) => s.slug === "lawyers-2015-statement")!;
    expect(lawyers.signatories).toHaveLength(35);
    expect(lawyers.signatories[0]).toEqual({ name: "Chang Boyang", role: "Lawyer", organisationSlug: null });
    expect(lawyers.signatories.at(-1)).toEqual({ name: "Chen Ziliang", role: "Human rights defender", organisationSlug: null });
    expect(lawyers.signatories.map((s) => s.name)).toContain("Yu Wensheng");

    const letter = statements.find((s) => s.slug === "ngo-2018-hrc37-letter")!;
    expect(letter.signatories).toHaveLength(15);
    expect(letter.signatories.every((s) => s.organisationSlug !== null)).toBe(true);

    const ambassadors = statements.find((s) => s.slug === "ambassadors-2017-letter")!;
    expect(ambassadors.publisherSlugs).toHaveLength(11);
  });

  it("has between 40 and 70 benchmarks, each with an existing category and at least one existing source", () => {
    expect(benchmarks.length).toBeGreaterThanOrEqual(40);
    expect(benchmarks.length).toBeLessThanOrEqual(70);
    const cats = slugs(categories);
    for (const b of benchmarks) {
      expect(cats.has(b.categorySlug), b.slug).toBe(true);
      expect(b.sources.length, b.slug).toBeGreaterThan(0);
      for (const s of b.sources) {
        expect(statementDate.has(s.statementSlug), `${b.slug} → ${s.statementSlug}`).toBe(true);
        expect(s.demand.trim().length, b.slug).toBeGreaterThan(10);
      }
    }
    // Every category of the taxonomy is used.
    expect(new Set(benchmarks.map((b) => b.categorySlug))).toEqual(cats);
  });

  it("names only people and laws that exist", () => {
    const known = slugs(subjects);
    for (const b of benchmarks) for (const s of b.subjectSlugs) expect(known.has(s), `${b.slug} → ${s}`).toBe(true);
  });

  it("never applies a benchmark before the first statement that raised it", () => {
    for (const b of benchmarks) {
      const from = roundStart.get(b.appliesFromRoundSlug);
      expect(from, b.slug).toBeDefined();
      const earliest = b.sources.map((s) => statementDate.get(s.statementSlug)!).sort()[0]!;
      expect(from! >= earliest, `${b.slug} applies from ${from} but was first raised ${earliest}`).toBe(true);
    }
  });

  it("keeps each benchmark's outcomes at or after the round it applies from, in date order", () => {
    for (const b of benchmarks) {
      const from = roundStart.get(b.appliesFromRoundSlug)!;
      const dates = b.outcomes.map((o) => roundStart.get(o.fromRoundSlug));
      for (const d of dates) {
        expect(d, b.slug).toBeDefined();
        expect(d! >= from, b.slug).toBe(true);
      }
      expect(dates, b.slug).toEqual([...dates].sort());
    }
  });

  it("merges repeated demands: some benchmarks cite several statements, e.g. Liu Xia in 2015 and 2018", () => {
    const liuXia = benchmarks.find((b) => b.slug === "release-liu-xia")!;
    expect(liuXia.sources.map((s) => s.statementSlug)).toEqual(["rdn-2015-editorial", "ngo-2018-hrc37-letter"]);
    expect(benchmarks.filter((b) => b.sources.length > 1).length).toBeGreaterThanOrEqual(5);
  });

  it("gives every person named in a demand a Chinese name in Chinese characters", () => {
    const people = subjects.filter((s) => s.kind === "person");
    expect(people.length).toBeGreaterThanOrEqual(15);
    for (const p of people) expect(p.nameZh ?? "", p.slug).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it("retires a benchmark only with a reason, on a date inside the period", () => {
    for (const b of benchmarks.filter((x) => x.retired)) {
      expect(b.retired!.reason.length, b.slug).toBeGreaterThan(0);
      expect(b.retired!.on > roundStart.get(b.appliesFromRoundSlug)!, b.slug).toBe(true);
    }
    expect(benchmarks.find((b) => b.slug === "liu-xiaobo-contact")?.retired?.on).toBe("2017-07-13");
  });
});
