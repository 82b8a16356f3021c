// The extractor's rules, each on text written for these tests (names and groups invented).
import { describe, expect, it } from "vitest";
import { chineseNamesByRole, toSimplified } from "./chinese";
import { extractStatement } from "./demands";
import { EVAL_CONTEXT as context } from "./eval/statements";
import { segment } from "./segments";
import { restate, titleOf } from "./titles";

const one = (text: string) => {
  const { demands } = extractStatement(text, context);
  expect(demands).toHaveLength(1);
  return demands[0]!;
};

describe("pointing back to people named elsewhere", () => {
  it("links “release them” to the people named in the next paragraph, one candidate per person", () => {
    const d = one("Defenders remain jailed for their work. We call on the authorities to release them.\n\nThose held include Chen Mingde and Lin Xiaoyun.");
    expect(d).toMatchObject({ people: ["chen-mingde", "lin-xiaoyun"], reference: "them", unresolved: null, title: "Release Chen Mingde and Lin Xiaoyun" });
    expect(d.perPerson.map((p) => [p.slug, p.title, p.match?.id ?? null])).toEqual([
      ["chen-mingde", "Release Chen Mingde", 1],
      ["lin-xiaoyun", "Release Lin Xiaoyun", 6],
    ]);
  });

  it("links “these cases” to every name in the list above it", () => {
    const d = one("Held for their work:\n\n1. Sun Lipeng, a monitor\n2. He Wenjing, a lawyer\n3. Zhao Haifeng\n\nThe United States should raise these cases at every round.");
    expect(d.people).toEqual(["sun-lipeng", "he-wenjing", "zhao-haifeng"]);
    expect(d.reference).toBe("these cases");
    expect(d.perPerson).toHaveLength(3);
  });

  it("resolves “him” to the one person named just before", () => {
    expect(one("Zhao Haifeng was moved in June. The authorities should let him see his family.")).toMatchObject({ people: ["zhao-haifeng"], reference: "him", perPerson: [] });
  });

  it("flags a pointing word it cannot resolve instead of guessing", () => {
    expect(one("Many were taken away in May. The authorities must disclose their whereabouts.")).toMatchObject({ people: [], reference: null, unresolved: "their" });
    // "his" with two people named before: not clear which.
    expect(one("Sun Lipeng and He Wenjing were tried in May. The court should let him appeal.")).toMatchObject({ people: [], unresolved: "him" });
  });

  it("reads 上述人士 and 他们 in Chinese", () => {
    expect(one("以下人士仍被羁押：何文静、孙立鹏。我们要求当局释放上述人士。")).toMatchObject({ people: ["he-wenjing", "sun-lipeng"], reference: "上述人士", title: "释放何文静、孙立鹏" });
    expect(one("何文静和孙立鹏五月被带走。当局应公布他们的下落。")).toMatchObject({ people: ["he-wenjing", "sun-lipeng"], reference: "他们" });
  });

  it("keeps a demand's own names over anyone named nearby", () => {
    expect(one("Sun Lipeng and He Wenjing were held. We urge China to release Chen Mingde.").people).toEqual(["chen-mingde"]);
  });
});

describe("new names", () => {
  it("proposes a person not in the database with the sentence naming them and the role given", () => {
    const { newSubjects } = extractStatement("A statement named Anna Lindqvist, a Swedish publisher, as held. We urge China to release Chen Mingde.", context);
    expect(newSubjects).toEqual([{ name: "Anna Lindqvist", kind: "person", lang: "en", role: "a Swedish publisher", sentence: "A statement named Anna Lindqvist, a Swedish publisher, as held." }]);
  });

  it("proposes an organisation by its name", () => {
    expect(extractStatement("The Harbour Rights Network reported it.", context).newSubjects).toMatchObject([{ name: "Harbour Rights Network", kind: "organisation" }]);
  });

  it("does not propose people already known, nor parts of their names", () => {
    expect(extractStatement("Chen Mingde and Lin Xiaoyun remain held. We urge China to release Chen Mingde.", context).newSubjects).toEqual([]);
  });

  it("proposes Chinese names beside a role, before or after it, and not the role's other words", () => {
    expect(chineseNamesByRole("维权人士周建华于五月被带走，律师郑美玲至今无法会见他。")).toEqual([
      { name: "周建华", role: "维权人士" },
      { name: "郑美玲", role: "律师" },
    ]);
    expect(chineseNamesByRole("我们要求释放高瑜律师。")).toEqual([{ name: "高瑜", role: "律师" }]);
    expect(chineseNamesByRole("停止骚扰维权人士的家属，保障律师的会见权。")).toEqual([]);
  });

  it("does not propose a known person named with a role", () => {
    expect(extractStatement("我们要求立即释放陈明德律师。", context).newSubjects).toEqual([]);
  });
});

describe("Chinese statements", () => {
  it("splits at 。！？； and at the list markers 一、 （一） 1、", () => {
    expect(segment("我们要求：\n一、释放甲；\n二、废除乙。\n1、公开丙\n（一）停止丁；（二）保障戊！").map((p) => [p.text, p.listItem])).toEqual([
      ["我们要求：", false],
      ["释放甲", true],
      ["废除乙。", true],
      ["公开丙", true],
      ["停止丁", true],
      ["保障戊！", true],
    ]);
    expect(segment("第一句。第二句！第三句？第四句；第五句").map((p) => p.text)).toEqual(["第一句。", "第二句！", "第三句？", "第四句；", "第五句"]);
  });

  it.each([
    ["要求", "我们要求当局说明羁押理由。"],
    ["呼吁", "我们呼吁双方恢复对话。"],
    ["呼籲 (traditional)", "我們呼籲雙方恢復對話。"],
    ["敦促", "我们敦促当局尽快结案。"],
    ["促请", "我们促请有关部门说明情况。"],
    ["释放", "立即释放所有被拘押者"],
    ["釋放 (traditional)", "立即釋放所有被拘押者"],
    ["废除", "废除劳动教养的残余做法"],
    ["廢除 (traditional)", "廢除勞動教養的殘餘做法"],
    ["撤销", "撤销对记者的指控"],
    ["停止", "停止骚扰家属的行为"],
    ["保障", "保障律师的会见权利"],
  ])("takes a sentence with %s as a demand", (_verb, text) => {
    expect(extractStatement(text, context).demands).toHaveLength(1);
  });

  it("leaves description without a demand verb out", () => {
    expect(extractStatement("本轮对话在日内瓦举行，为期两天。双方讨论了贸易议题。", context).demands).toEqual([]);
  });

  it("matches people written in traditional characters", () => {
    expect(toSimplified("林曉雲、趙海峰")).toBe("林晓云、赵海峰");
    expect(one("我們敦促當局釋放林曉雲。")).toMatchObject({ people: ["lin-xiaoyun"], category: "release-of-detained-people", addressee: "chinese_government" });
  });

  it("proposes category and addressee, the addressee from the list's lead-in when the item names none", () => {
    const { demands } = extractStatement("我们呼吁美国政府：\n一、在对话中提出孙立鹏一案；\n二、每轮对话后公开发布对话结果。", context);
    expect(demands.map((d) => [d.addressee, d.category])).toEqual([
      ["us_government", null],
      ["us_government", "transparency-and-reporting"],
    ]);
    expect(demands[1]!.match?.id).toBe(3);
  });
});

describe("demands without a modal verb", () => {
  it("takes the noun phrase after “calls for” and “urges an end to”", () => {
    const { demands } = extractStatement("The coalition calls for the release of Chen Mingde. It also urges an end to the use of black jails.", context);
    expect(demands.map((d) => d.title)).toEqual(["Release Chen Mingde", "End black jails"]);
  });

  it("takes list items under a lead-in that asks, and not a list of names under one that does not", () => {
    const asks = extractStatement("Our requests for the round:\n- Release of Chen Mingde\n- A public report after every round", context).demands;
    expect(asks.map((d) => d.text)).toEqual(["Release of Chen Mingde", "A public report after every round"]);
    expect(extractStatement("Those held:\n- Chen Mingde, a lawyer\n- Lin Xiaoyun, a blogger", context).demands).toEqual([]);
  });
});

describe("candidates a reviewer can accept as they are", () => {
  it("writes short titles in the house style, without the lead-in and never cut with “…”", () => {
    expect(titleOf("The Chinese government should release Chen Mingde without delay.", "en", "release-of-detained-people", ["Chen Mingde"], null)).toBe("Release Chen Mingde");
    expect(titleOf("We urge the US delegation to tell the press which cases it raised.", "en", null, [], null)).toBe("Tell the press which cases it raised");
    expect(titleOf("Both governments must publish the results of each round.", "en", null, [], null)).toBe("Publish the results of each round");
    const long = titleOf(`China should ${"allow independent observers, journalists and diplomats to visit, ".repeat(3)}now.`, "en", null, [], null);
    expect(long.length).toBeLessThanOrEqual(90);
    expect(long).not.toContain("…");
    expect(titleOf("我们呼吁中国政府立即无条件释放陈明德律师。", "zh", "release-of-detained-people", ["陈明德"], null)).toBe("释放陈明德");
    expect(titleOf("双方应在每轮对话前听取民间团体的意见。", "zh", null, [], null)).toBe("在每轮对话前听取民间团体的意见");
    expect(titleOf("我们吁请中国政府：立即终止这种做法。", "zh", null, [], null)).toBe("终止这种做法");
    expect(titleOf("We recommend that both governments agree on written benchmarks.", "en", null, [], null)).toBe("Both governments agree on written benchmarks");
  });

  it("restates the demand addressed to its party", () => {
    expect(restate("Release Chen Mingde", "en", "chinese_government")).toBe("The Chinese government should release Chen Mingde.");
    expect(restate("Access for UN special rapporteurs", "en", null)).toBe("Ensure access for UN special rapporteurs.");
    expect(restate("释放陈明德", "zh", "chinese_government")).toBe("中国政府应释放陈明德。");
  });

  it("gives the likely benchmark with a similarity score, and none when nothing is close", () => {
    const close = one("We urge China to abolish residential surveillance at a designated location.");
    expect(close.match).toMatchObject({ id: 2 });
    expect(close.match!.similarity).toBeGreaterThan(0.5);
    expect(close.match!.similarity).toBeLessThanOrEqual(1);
    expect(one("We urge China to allow foreign reporters into Tibetan areas.").match).toBeNull();
  });

  it("lists every known person and law the statement names, in order", () => {
    expect(extractStatement("Lin Xiaoyun was held under Article 73. Zhao Haifeng too. We urge China to release Chen Mingde.", context).named).toEqual(["lin-xiaoyun", "rsdl", "zhao-haifeng", "chen-mingde"]);
  });
});
