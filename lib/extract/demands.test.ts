import { describe, expect, it } from "vitest";
import { extractDemands, type ExtractionContext } from "./demands";

// Statements written for these tests; none is taken from a real document.
const context: ExtractionContext = {
  categories: [
    "release-of-detained-people",
    "legal-reform",
    "end-of-abusive-practices",
    "protection-of-defenders",
    "transparency-and-reporting",
    "civil-society-participation",
    "international-access-and-accountability",
    "benchmarks-and-follow-up",
  ].map((slug) => ({ slug, name: slug })),
  subjects: [
    { slug: "liu-xia", kind: "person", name: "Liu Xia", nameZh: "刘霞" },
    { slug: "wang-quanzhang", kind: "person", name: "Wang Quanzhang", nameZh: "王全璋" },
    { slug: "rsdl-article-73", kind: "law", name: "Residential surveillance at a designated location", nameZh: "指定居所监视居住", aliases: ["Article 73"] },
  ],
  benchmarks: [
    { id: 11, title: "End Liu Xia's house arrest", demands: ["Free Liu Xia from house arrest."], subjectSlugs: ["liu-xia"] },
    { id: 12, title: "Both governments report each round's results to the public", demands: ["Publish the outcome of every round."] },
    { id: 13, title: "Repeal Article 73 of the Criminal Procedure Law", demands: ["Abolish residential surveillance at a designated location."], subjectSlugs: ["rsdl-article-73"] },
  ],
};

const NUMBERED = `Our requests to the two delegations

1. The Chinese government should free Liu Xia from house arrest
   without conditions and let her travel.
2) Both governments should publish the results of the round to the public and to parliament.
3. Thank you.

Signed, the undersigned groups`;

const BULLETS = `We ask member states to act:
• Release Wang Quanzhang and every lawyer held since July.
- Condemn the use of Article 73 to hold people in secret for months.
* Grant UN Special Rapporteurs access to every region.`;

const PROSE = `The talks took place over two days in a hotel. Many delegates attended. We urge the US delegation to tell the press which cases it raised. The weather was hot. China must stop the torture of detained lawyers at once. Officials also call on Beijing to consult civil society before each round.`;

describe("extractDemands", () => {
  it("takes numbered items, joining a wrapped line, and skips headings, thanks and signatures", () => {
    const demands = extractDemands(NUMBERED, context);
    expect(demands.map((d) => d.text)).toEqual([
      "The Chinese government should free Liu Xia from house arrest without conditions and let her travel.",
      "Both governments should publish the results of the round to the public and to parliament.",
    ]);
  });

  it("suggests category, addressee and the people named", () => {
    const [liuXia, report] = extractDemands(NUMBERED, context);
    expect(liuXia).toMatchObject({ category: "release-of-detained-people", addressee: "chinese_government", people: ["liu-xia"], laws: [] });
    expect(report).toMatchObject({ category: "transparency-and-reporting", addressee: "both_governments" });
  });

  it("finds the existing benchmark a demand repeats, best match first", () => {
    const [liuXia, report] = extractDemands(NUMBERED, context);
    expect(liuXia!.matches[0]).toBe(11);
    expect(report!.matches[0]).toBe(12);
  });

  it("takes bulleted items in any bullet style", () => {
    const demands = extractDemands(BULLETS, context);
    expect(demands).toHaveLength(3);
    expect(demands[0]).toMatchObject({ people: ["wang-quanzhang"], category: "release-of-detained-people" });
    expect(demands[1]).toMatchObject({ laws: ["rsdl-article-73"], matches: [13] });
    expect(demands[2]!.category).toBe("international-access-and-accountability");
  });

  it("takes the calls in prose and leaves the description out", () => {
    const texts = extractDemands(PROSE, context).map((d) => d.text);
    expect(texts).toEqual([
      "We urge the US delegation to tell the press which cases it raised.",
      "China must stop the torture of detained lawyers at once.",
      "Officials also call on Beijing to consult civil society before each round.",
    ]);
  });

  it("reads whom each prose call is addressed to", () => {
    expect(extractDemands(PROSE, context).map((d) => d.addressee)).toEqual(["us_government", "chinese_government", "chinese_government"]);
  });

  it("recognises people and laws by their Chinese names", () => {
    const [demand] = extractDemands("1. 当局应立即释放刘霞 and end 指定居所监视居住 for everyone held.", context);
    expect(demand).toMatchObject({ people: ["liu-xia"], laws: ["rsdl-article-73"] });
  });

  it("matches nothing when the demand is new", () => {
    const [demand] = extractDemands("1. Allow independent journalists to visit Tibetan areas without escorts.", context);
    expect(demand!.matches).toEqual([]);
  });

  it("returns nothing for text without a demand", () => {
    expect(extractDemands("The round opened on Monday. It lasted two days.", context)).toEqual([]);
    expect(extractDemands("", context)).toEqual([]);
  });

  it("suggests no category it does not know", () => {
    const [demand] = extractDemands("1. Release everyone detained for peaceful speech.", { ...context, categories: [{ slug: "legal-reform", name: "Legal reform" }] });
    expect(demand!.category).toBeNull();
  });
});
