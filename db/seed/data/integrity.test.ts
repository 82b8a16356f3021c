// Integrity of the seed dataset as plain data: no database, no network, no files outside the data.
import { describe, expect, it } from "vitest";
import {
  ADDRESSEES,
  DATE_PRECISIONS,
  ORGANISATION_KINDS,
  STATEMENT_KINDS,
  STATUSES,
  SUBJECT_EVENT_KINDS,
  SUBJECT_KINDS,
} from "@/lib/domain";
import { SEED_DATA } from "@/db/seed/data";
import { detectTextLang } from "@/lib/localized";

const { sources, tracks, rounds, categories, organisations, statements, subjects, benchmarks } = SEED_DATA;

const slugSet = (items: readonly { slug: string }[]) => new Set(items.map((i) => i.slug));
const bySlug = <T extends { slug: string }>(items: readonly T[]) => new Map(items.map((i) => [i.slug, i]));
const roundStart = new Map(rounds.map((r) => [r.slug, r.startDate]));
const statementBySlug = bySlug(statements);
const CJK = /[\u3400-\u9fff]/;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A date with month precision is stored as the first of the month; with year precision as 1 January. */
function fitsPrecision(date: string, precision: string): boolean {
  if (precision === "month") return date.endsWith("-01");
  if (precision === "year") return date.endsWith("-01-01");
  return true;
}

function roundBySlug(slug: string) {
  const round = rounds.find((r) => r.slug === slug);
  if (!round) throw new Error(`no round ${slug}`);
  return round;
}

describe("seed dataset: identity and vocabulary", () => {
  it("has unique slugs in every list", () => {
    for (const [name, list] of Object.entries({ sources, tracks, rounds, categories, organisations, statements, subjects, benchmarks })) {
      const seen = new Set<string>();
      for (const item of list) {
        expect(item.slug, `${name}: empty slug`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(seen.has(item.slug), `${name}: duplicate slug ${item.slug}`).toBe(false);
        seen.add(item.slug);
      }
    }
  });

  it("uses only the enumerations of lib/domain", () => {
    for (const s of statements) {
      expect(STATEMENT_KINDS, s.slug).toContain(s.kind);
      expect(DATE_PRECISIONS, s.slug).toContain(s.datePrecision);
    }
    for (const o of organisations) expect(ORGANISATION_KINDS, o.slug).toContain(o.kind);
    for (const r of rounds) expect(DATE_PRECISIONS, r.slug).toContain(r.datePrecision);
    for (const d of sources) expect(DATE_PRECISIONS, d.slug).toContain(d.datePrecision);
    for (const s of subjects) {
      expect(SUBJECT_KINDS, s.slug).toContain(s.kind);
      for (const e of s.events) {
        expect(SUBJECT_EVENT_KINDS, `${s.slug}: ${e.description}`).toContain(e.kind);
        expect(DATE_PRECISIONS, `${s.slug}: ${e.description}`).toContain(e.datePrecision);
      }
    }
    for (const b of benchmarks) {
      expect(ADDRESSEES, b.slug).toContain(b.addressee);
      for (const o of b.outcomes) expect(STATUSES, `${b.slug} @ ${o.fromRoundSlug}`).toContain(o.status);
    }
  });

  it("writes every date as a real calendar date that matches its precision", () => {
    const dated: Array<[string, string, string]> = [
      ...sources.map((d): [string, string, string] => [d.slug, d.publishedOn, d.datePrecision]),
      ...rounds.map((r): [string, string, string] => [r.slug, r.startDate, r.datePrecision]),
      ...statements.map((s): [string, string, string] => [s.slug, s.date, s.datePrecision]),
      ...subjects.flatMap((s) => s.events.map((e): [string, string, string] => [`${s.slug}: ${e.description}`, e.date, e.datePrecision])),
    ];
    for (const [what, date, precision] of dated) {
      expect(isCalendarDate(date), `${what}: ${date}`).toBe(true);
      expect(fitsPrecision(date, precision), `${what}: ${date} at ${precision} precision`).toBe(true);
    }
    for (const r of rounds) if (r.endDate !== null) expect(isCalendarDate(r.endDate), r.slug).toBe(true);
    for (const b of benchmarks) if (b.retired) expect(isCalendarDate(b.retired.on), b.slug).toBe(true);
  });
});

describe("seed dataset: sources, tracks, rounds and categories", () => {
  it("holds the five source documents, each backing at least one statement", () => {
    expect(sources).toHaveLength(5);
    for (const d of sources) {
      expect(d.file, d.slug).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(d.title.trim().length, d.slug).toBeGreaterThan(0);
      expect(d.url, `${d.slug}: no address is known for certain`).toBeNull();
      expect(statements.some((s) => s.sourceSlug === d.slug), `${d.slug} backs no statement`).toBe(true);
    }
    expect(new Set(sources.map((d) => d.file)).size).toBe(5);
  });

  it("cites an existing source document for every round, statement, subject and sourced event", () => {
    const known = slugSet(sources);
    for (const item of [...rounds, ...statements, ...subjects]) expect(known.has(item.sourceSlug), item.slug).toBe(true);
    for (const s of subjects) {
      for (const e of s.events) if (e.sourceSlug !== null) expect(known.has(e.sourceSlug), `${s.slug}: ${e.description}`).toBe(true);
    }
  });

  it("has three tracks and seven rounds on one timeline, in date order", () => {
    expect([...slugSet(tracks)].sort()).toEqual(["un-hrc", "upr", "us-china-dialogue"]);
    expect(rounds.map((r) => r.slug)).toEqual([
      "uschrd-2012-washington",
      "uschrd-2013-kunming",
      "uschrd-2015-washington",
      "hrc-31",
      "hrc-34",
      "hrc-37",
      "upr-china-2018",
    ]);
    const starts = rounds.map((r) => r.startDate);
    expect(starts).toEqual([...starts].sort());
    expect(new Set(starts).size).toBe(starts.length);
    const trackSlugs = slugSet(tracks);
    for (const r of rounds) {
      expect(trackSlugs.has(r.trackSlug), r.slug).toBe(true);
      expect(r.dateNote.trim().length, r.slug).toBeGreaterThan(20);
      if (r.endDate !== null) expect(r.endDate >= r.startDate, r.slug).toBe(true);
      if (r.datePrecision !== "day") expect(r.endDate, `${r.slug}: an end day is not known`).toBeNull();
    }
    expect(rounds.filter((r) => r.trackSlug === "us-china-dialogue")).toHaveLength(3);
    expect(rounds.filter((r) => r.trackSlug === "un-hrc")).toHaveLength(3);
    expect(rounds.filter((r) => r.trackSlug === "upr")).toHaveLength(1);
  });

  it("dates the rounds as the sources and the public record give them", () => {
    const dates = (slug: string) => {
      const r = roundBySlug(slug);
      return [r.startDate, r.endDate, r.datePrecision];
    };
    expect(dates("uschrd-2012-washington")).toEqual(["2012-07-01", null, "month"]);
    expect(dates("uschrd-2013-kunming")).toEqual(["2013-07-30", "2013-07-31", "day"]);
    expect(dates("uschrd-2015-washington")).toEqual(["2015-08-13", "2015-08-14", "day"]);
    expect(dates("hrc-31")).toEqual(["2016-03-01", null, "month"]);
    expect(dates("hrc-34")).toEqual(["2017-02-27", "2017-03-24", "day"]);
    expect(dates("hrc-37")).toEqual(["2018-02-26", "2018-03-23", "day"]);
    expect(dates("upr-china-2018")).toEqual(["2018-11-01", null, "month"]);
    expect(roundBySlug("uschrd-2012-washington").dateNote).toMatch(/Monday/);
  });

  it("has the eight categories of the design, each used by some benchmark", () => {
    expect([...slugSet(categories)].sort()).toEqual(
      [
        "benchmarks-and-follow-up",
        "civil-society-participation",
        "end-of-abusive-practices",
        "international-access-and-accountability",
        "legal-reform",
        "protection-of-defenders",
        "release-of-detained-people",
        "transparency-and-reporting",
      ].sort(),
    );
    expect(new Set(benchmarks.map((b) => b.categorySlug))).toEqual(slugSet(categories));
  });
});

describe("seed dataset: statements", () => {
  it("links statements to existing organisations and rounds, never addressing a round already past", () => {
    const orgs = slugSet(organisations);
    for (const s of statements) {
      for (const p of s.publisherSlugs) expect(orgs.has(p), `${s.slug} publisher ${p}`).toBe(true);
      for (const sig of s.signatories) {
        expect(sig.name.trim().length, s.slug).toBeGreaterThan(0);
        if (sig.organisationSlug !== null) {
          expect(orgs.has(sig.organisationSlug), `${s.slug} signatory ${sig.organisationSlug}`).toBe(true);
          expect(sig.role, `${s.slug}: an organisation has no role`).toBeNull();
        }
      }
      if (s.roundSlug !== null) {
        const start = roundStart.get(s.roundSlug);
        expect(start, `${s.slug} → ${s.roundSlug}`).toBeDefined();
        expect(s.date <= start!, `${s.slug} is dated after the round it addresses`).toBe(true);
      }
      expect(s.summary.trim().length, s.slug).toBeGreaterThan(50);
    }
  });

  it("gives HRW's and CHRD's 2012 comments statements of their own, citing the China Digital Times round-up", () => {
    for (const [slug, publisher] of [
      ["hrw-2012-dialogue-comments", "human-rights-watch"],
      ["chrd-2012-dialogue-comments", "chinese-human-rights-defenders"],
    ] as const) {
      const s = statementBySlug.get(slug)!;
      expect(s, slug).toBeDefined();
      expect(s.sourceSlug).toBe("cdt-2012-talks-begin");
      expect(s.publisherSlugs).toEqual([publisher]);
      expect(s.roundSlug).toBe("uschrd-2012-washington");
    }
  });

  it("keeps the 2015 lawyers' signatories exactly as the statement lists them, and notes that it claims 36", () => {
    const lawyers = statementBySlug.get("lawyers-2015-statement")!;
    // The 35 names in the printed order (spellings as printed, "Tang Jitain" and "Yu Yanhau" included).
    const listed = [
      "Chang Boyang", "Chen Keyan", "Han Qingfang", "Jiang Tianyong", "Jiang Yuanmin", "Li Dongmei", "Lin Qilei",
      "Liu Shihui", "Liu Wei", "Ma Yongtao", "Wu Jinsheng", "Peng Yongfeng", "Tang Jitain", "Teng Biao", "Wang Jun",
      "Wang Quanping", "Wu Kuiming", "Xiao Guozhen", "Ye Jingchun", "Zhang Chongshi", "Ren Quanniu", "Yu Wensheng",
      "Xia Jun", "Ge Wenxiu", "Liu Zhengqing", "Chen Bin", "Jin Guanghong", "Wang Bin", "Shu Xiangxin", "Chen Zhiyong",
      "Ge Jueping", "Lu Guoying", "Yu Yanhau", "Zhang Youwei", "Chen Ziliang",
    ];
    const defenders = new Set([
      "Li Dongmei", "Ma Yongtao", "Wu Jinsheng", "Ye Jingchun", "Wang Bin", "Ge Jueping", "Lu Guoying", "Yu Yanhau", "Zhang Youwei", "Chen Ziliang",
    ]);
    expect(lawyers.signatories.map((s) => s.name)).toEqual(listed);
    for (const s of lawyers.signatories) {
      expect(s.organisationSlug, s.name).toBeNull();
      expect(s.role, s.name).toBe(defenders.has(s.name) ? "Human rights defender" : "Lawyer");
    }
    expect(lawyers.signatories.filter((s) => s.role === "Lawyer")).toHaveLength(25);
    expect(lawyers.summary).toMatch(/36/);
    expect(lawyers.summary).toMatch(/35/);
    expect(lawyers.kind).toBe("civil_society_statement");
  });

  it("gives the 2018 letter its 15 organisations as both signatories and publishers", () => {
    const letter = statementBySlug.get("ngo-2018-hrc37-letter")!;
    const orgs = bySlug(organisations);
    expect(letter.kind).toBe("ngo_joint_letter");
    expect(letter.roundSlug).toBe("hrc-37");
    expect(letter.signatories).toHaveLength(15);
    const signers = letter.signatories.map((s) => s.organisationSlug);
    expect(signers.every((slug) => slug !== null)).toBe(true);
    expect(new Set(signers).size).toBe(15);
    expect(new Set(letter.publisherSlugs)).toEqual(new Set(signers));
    for (const slug of signers) expect(orgs.get(slug!)?.kind, slug!).toBe("ngo");
    // Not in the letter's order, on purpose.
    for (const expected of ["world-uyghur-congress", "pen-america", "human-rights-watch", "swedish-pen", "fidh", "lawyers-for-lawyers", "ishr", "civicus"]) {
      expect(signers, expected).toContain(expected);
    }
  });

  it("records the 2017 letter as a government letter by the eleven governments, without the US", () => {
    const letter = statementBySlug.get("ambassadors-2017-letter")!;
    const orgs = bySlug(organisations);
    expect(letter.kind).toBe("government_letter");
    expect(letter.roundSlug).toBe("hrc-34");
    expect(letter.date).toBe("2017-02-27");
    expect(letter.publisherSlugs).toHaveLength(11);
    const names = letter.publisherSlugs.map((slug) => {
      const org = orgs.get(slug);
      expect(org?.kind, slug).toBe("government");
      return org!.name;
    });
    expect([...names].sort()).toEqual(
      ["Sweden", "Estonia", "Japan", "France", "Belgium", "Australia", "Germany", "Canada", "Switzerland", "United Kingdom", "Czech Republic"].sort(),
    );
    expect(names.some((n) => /united states|america/i.test(n))).toBe(false);
  });

  it("has every statement raise at least one benchmark", () => {
    const cited = new Set(benchmarks.flatMap((b) => b.sources.map((s) => s.statementSlug)));
    for (const s of statements) expect(cited.has(s.slug), `${s.slug} raises no benchmark`).toBe(true);
  });
});

describe("seed dataset: benchmarks", () => {
  it("has between 40 and 70 benchmarks", () => {
    expect(benchmarks.length).toBeGreaterThanOrEqual(40);
    expect(benchmarks.length).toBeLessThanOrEqual(70);
  });

  it("gives each benchmark an existing category and at least one source whose statement exists", () => {
    const cats = slugSet(categories);
    for (const b of benchmarks) {
      expect(b.title.trim().length, b.slug).toBeGreaterThan(5);
      expect(cats.has(b.categorySlug), `${b.slug} → ${b.categorySlug}`).toBe(true);
      expect(b.sources.length, b.slug).toBeGreaterThan(0);
      const cited = b.sources.map((s) => s.statementSlug);
      expect(new Set(cited).size, `${b.slug} cites a statement twice`).toBe(cited.length);
      for (const s of b.sources) {
        expect(statementBySlug.has(s.statementSlug), `${b.slug} → ${s.statementSlug}`).toBe(true);
        expect(s.demand.trim().length, b.slug).toBeGreaterThan(10);
      }
    }
  });

  it("names only people, laws and practices that exist, and every subject is the object of some demand", () => {
    const known = slugSet(subjects);
    for (const b of benchmarks) {
      expect(new Set(b.subjectSlugs).size, b.slug).toBe(b.subjectSlugs.length);
      for (const s of b.subjectSlugs) expect(known.has(s), `${b.slug} → ${s}`).toBe(true);
    }
    const linked = new Set(benchmarks.flatMap((b) => b.subjectSlugs));
    for (const s of subjects) expect(linked.has(s.slug), `${s.slug} is linked to no benchmark`).toBe(true);
  });

  it("applies each benchmark from the round its first statement addresses, never before that statement", () => {
    for (const b of benchmarks) {
      const from = roundStart.get(b.appliesFromRoundSlug);
      expect(from, `${b.slug} → ${b.appliesFromRoundSlug}`).toBeDefined();
      const raised = b.sources.map((s) => statementBySlug.get(s.statementSlug)!).sort((x, y) => x.date.localeCompare(y.date));
      const first = raised[0]!;
      expect(from! >= first.date, `${b.slug} applies from ${from} but was first raised on ${first.date}`).toBe(true);
      const expected = first.roundSlug ?? rounds.find((r) => r.startDate >= first.date)?.slug;
      expect(b.appliesFromRoundSlug, b.slug).toBe(expected);
    }
  });

  it("keeps outcomes at or after the applies-from round, in timeline order, and before retirement", () => {
    for (const b of benchmarks) {
      const from = roundStart.get(b.appliesFromRoundSlug)!;
      const dates = b.outcomes.map((o) => {
        const d = roundStart.get(o.fromRoundSlug);
        expect(d, `${b.slug} → ${o.fromRoundSlug}`).toBeDefined();
        return d!;
      });
      for (const d of dates) expect(d >= from, `${b.slug}: outcome at ${d} before it applies (${from})`).toBe(true);
      for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!, `${b.slug}: outcomes out of order`).toBe(true);
      if (b.retired) for (const d of dates) expect(d < b.retired.on, `${b.slug}: outcome after retirement`).toBe(true);
    }
  });

  it("scopes a benchmark only to known tracks, and records outcomes only at rounds in its scope", () => {
    const trackOf = new Map(rounds.map((r) => [r.slug, r.trackSlug]));
    const known = slugSet(tracks);
    for (const b of benchmarks) {
      expect(new Set(b.scopeTrackSlugs).size, b.slug).toBe(b.scopeTrackSlugs.length);
      for (const t of b.scopeTrackSlugs) expect(known.has(t), `${b.slug} → ${t}`).toBe(true);
      // A scope that lists every track would drop tracks added later: every track is [].
      expect(b.scopeTrackSlugs.length, b.slug).toBeLessThan(known.size);
      const inScope = (round: string) => b.scopeTrackSlugs.length === 0 || b.scopeTrackSlugs.includes(trackOf.get(round)!);
      for (const o of b.outcomes) expect(inScope(o.fromRoundSlug), `${b.slug}: outcome at ${o.fromRoundSlug}, outside its scope`).toBe(true);
    }
  });

  it("assesses demands about the dialogue's own conduct at its rounds only, and releases everywhere", () => {
    const scopeOf = (slug: string) => benchmarks.find((b) => b.slug === slug)?.scopeTrackSlugs;
    for (const slug of ["dialogue-held-regularly", "civil-society-takes-part", "report-results-publicly", "adopt-public-benchmarks", "consult-civil-society-before-round"]) {
      expect(scopeOf(slug), slug).toEqual(["us-china-dialogue"]);
    }
    expect(scopeOf("reaffirm-2016-joint-statement")).toEqual(["un-hrc"]);
    expect(scopeOf("public-input-into-upr-report")).toEqual(["upr"]);
    for (const b of benchmarks.filter((x) => x.categorySlug === "release-of-detained-people")) expect(b.scopeTrackSlugs, b.slug).toEqual([]);
  });

  it("writes a rationale for every outcome, labels demo ones, and records 'regressed' only against an earlier round", () => {
    for (const b of benchmarks) {
      for (const o of b.outcomes) {
        expect(o.rationale.trim().length, `${b.slug} @ ${o.fromRoundSlug}`).toBeGreaterThan(10);
        if (!o.publicRecord) expect(o.rationale, `${b.slug} @ ${o.fromRoundSlug}`).toMatch(/^Demo score/);
        if (o.status === "regressed") expect(o.fromRoundSlug, b.slug).not.toBe(b.appliesFromRoundSlug);
      }
    }
    expect(benchmarks.some((b) => b.outcomes.some((o) => o.publicRecord))).toBe(true);
  });

  it("retires a benchmark only with a reason, on a date after it started to apply", () => {
    for (const b of benchmarks.filter((x) => x.retired)) {
      expect(b.retired!.reason.trim().length, b.slug).toBeGreaterThan(0);
      expect(b.retired!.on > roundStart.get(b.appliesFromRoundSlug)!, b.slug).toBe(true);
    }
    const liuXiaobo = benchmarks.find((b) => b.slug === "liu-xiaobo-contact")!;
    expect(liuXiaobo.retired?.on).toBe("2017-07-13");
    expect(liuXiaobo.retired?.reason).toMatch(/died in custody/);
    const died = subjects.find((s) => s.slug === "liu-xiaobo")!.events.find((e) => e.kind === "died");
    expect(died?.date).toBe(liuXiaobo.retired?.on);
  });

  it("merges demands repeated across years into one benchmark with several sources", () => {
    const sourcesOf = (slug: string) => benchmarks.find((b) => b.slug === slug)?.sources.map((s) => s.statementSlug);
    expect(sourcesOf("release-liu-xia")).toEqual(["rdn-2015-editorial", "ngo-2018-hrc37-letter"]);
    expect(sourcesOf("end-rsdl")).toEqual(["lawyers-2015-statement", "ambassadors-2017-letter"]);
    expect(sourcesOf("adopt-public-benchmarks")).toEqual(["hrw-2012-dialogue-comments", "hrw-2013-kunming-release"]);
    expect(benchmarks.filter((b) => b.sources.length > 1).length).toBeGreaterThanOrEqual(8);
    // No two benchmarks share a title.
    expect(new Set(benchmarks.map((b) => b.title.toLowerCase())).size).toBe(benchmarks.length);
  });

  it("has one release benchmark for each person named for release in 2015 and 2018", () => {
    const subjectOf = (slug: string) => benchmarks.find((b) => b.slug === slug)?.subjectSlugs;
    for (const [benchmark, person] of [
      ["release-xu-zhiyong", "xu-zhiyong"],
      ["release-liu-xia", "liu-xia"],
      ["medical-parole-gao-yu", "gao-yu"],
      ["medical-parole-wang-bingzhang", "wang-bingzhang"],
      ["medical-parole-chen-xi", "chen-xi"],
      ["medical-parole-zhu-yufu", "zhu-yufu"],
      ["release-guo-feixiong", "guo-feixiong"],
      ["release-pu-zhiqiang", "pu-zhiqiang"],
      ["release-tang-jingling", "tang-jingling"],
      ["release-wang-quanzhang", "wang-quanzhang"],
      ["release-gui-minhai", "gui-minhai"],
      ["release-tashi-wangchuk", "tashi-wangchuk"],
      ["release-yu-wensheng", "yu-wensheng"],
    ] as const) {
      expect(subjectOf(benchmark), benchmark).toContain(person);
    }
  });

  it("scores the outcomes that are public record as they happened", () => {
    const outcome = (slug: string, round: string) =>
      benchmarks.find((b) => b.slug === slug)?.outcomes.find((o) => o.fromRoundSlug === round);
    expect(outcome("abolish-re-education-through-labour", "uschrd-2015-washington")).toMatchObject({ status: "met", publicRecord: true });
    expect(outcome("repeal-criminal-law-amendment-9-article-36", "hrc-31")).toMatchObject({ status: "regressed", publicRecord: true });
    expect(outcome("release-liu-xia", "upr-china-2018")).toMatchObject({ status: "met", publicRecord: true });
    expect(outcome("release-gui-minhai", "hrc-37")?.rationale).toMatch(/seized him again/);
  });

  // Corrections found by checking the seed against the public record (issue 14).
  it("dates the events as public reporting has them, and counts Yu Wensheng's 2015 detention as a reprisal at HRC 31", () => {
    const events = (slug: string) => subjects.find((s) => s.slug === slug)!.events;
    const disappearance = events("wang-quanzhang").find((e) => e.kind === "disappeared")!;
    expect(disappearance).toMatchObject({ date: "2015-08-01", datePrecision: "month", sourceSlug: null });
    expect(disappearance.description).toMatch(/early August 2015/);
    expect(disappearance.description).toMatch(/letter counts him among those disappeared since .*9 July 2015/);
    expect(events("yu-wensheng").map((e) => [e.kind, e.date])).toEqual([["detained", "2015-10-01"], ["detained", "2018-01-01"]]);
    const reprisal = benchmarks.find((b) => b.slug === "no-reprisals-for-dialogue-comments")!;
    expect(reprisal.outcomes.find((o) => o.fromRoundSlug === "hrc-31")).toMatchObject({ status: "regressed", publicRecord: true, rationale: expect.stringMatching(/Yu Wensheng/) });
  });

  it("cites the 2017 article by a title in the project's own words, naming what it reported", () => {
    // Seed sentences are restated, never copied (seed-copy-check): the title says what the article reported.
    expect(sources.find((s) => s.slug === "humanosphere-2017-eleven-countries")!.title).toMatch(/^Eleven governments protest the torture of detained Chinese lawyers; the United States does not join/);
  });
});

describe("seed dataset: Chinese titles", () => {
  const chinese = (text: string) => detectTextLang(text) === "zh";

  it("gives every track, round, category and benchmark a Chinese title written in Chinese", () => {
    for (const t of tracks) expect(chinese(t.nameZh) && CJK.test(t.shortNameZh), t.slug).toBe(true);
    for (const list of [rounds, categories]) for (const r of list) expect(chinese(r.nameZh), r.slug).toBe(true);
    for (const b of benchmarks) expect(chinese(b.titleZh), b.slug).toBe(true);
  });

  it("gives no two benchmarks the same Chinese title", () => {
    expect(new Set(benchmarks.map((b) => b.titleZh)).size).toBe(benchmarks.length);
  });

  it("writes a person's name in a benchmark's Chinese title as their Chinese name", () => {
    const people = new Map(subjects.filter((s) => s.kind === "person").map((s) => [s.slug, s.nameZh!]));
    for (const b of benchmarks) {
      const named = b.subjectSlugs.filter((s) => people.has(s) && b.title.includes(subjects.find((x) => x.slug === s)!.name));
      for (const slug of named) expect(b.titleZh, b.slug).toContain(people.get(slug));
    }
  });
});

describe("seed dataset: people, laws and practices", () => {
  it("gives every person a role and a Chinese name in Chinese characters", () => {
    const people = subjects.filter((s) => s.kind === "person");
    expect(people.length).toBeGreaterThanOrEqual(15);
    for (const p of people) {
      expect(p.nameZh, p.slug).not.toBeNull();
      expect(p.nameZh!, p.slug).toMatch(/^[\u3400-\u9fff·]+$/);
      expect(p.role?.trim().length ?? 0, p.slug).toBeGreaterThan(0);
      expect(p.article, p.slug).toBeNull();
    }
    for (const s of subjects) if (s.nameZh !== null) expect(CJK.test(s.nameZh), s.slug).toBe(true);
  });

  it("names the articles of the laws the demands target", () => {
    const laws = bySlug(subjects.filter((s) => s.kind === "law"));
    expect(laws.get("rsdl-article-73")?.article).toMatch(/Article 73/);
    expect(laws.get("rsdl-article-73")?.nameZh).toBe("指定居所监视居住");
    expect(laws.get("criminal-law-amendment-9-article-36")?.article).toMatch(/Article 36/);
    for (const law of laws.values()) expect(law.article?.trim().length ?? 0, law.slug).toBeGreaterThan(0);
    expect(subjects.some((s) => s.slug === "re-education-through-labour" && s.kind === "practice")).toBe(true);
    expect(subjects.some((s) => s.slug === "black-jails" && s.kind === "practice")).toBe(true);
  });

  it("keeps each subject's events in date order, with descriptions", () => {
    for (const s of subjects) {
      const dates = s.events.map((e) => e.date);
      expect(dates, s.slug).toEqual([...dates].sort());
      for (const e of s.events) expect(e.description.trim().length, s.slug).toBeGreaterThan(5);
    }
  });

  it("dates the legal events of public record correctly", () => {
    const event = (slug: string, kind: string) => subjects.find((s) => s.slug === slug)?.events.find((e) => e.kind === kind);
    expect(event("re-education-through-labour", "repealed")?.date).toBe("2013-12-28");
    expect(event("criminal-law-amendment-9-article-36", "adopted")?.date).toBe("2015-08-29");
    expect(event("criminal-law-amendment-9-article-36", "in_force")?.date).toBe("2015-11-01");
    expect(event("liu-xia", "released")?.date).toBe("2018-07-10");
  });
});
