// Statements written for the extractor's evaluation (npm run extract:eval) and tests. None is taken
// from a real document; the people, groups and laws named are invented for these tests.
import type { ExtractionContext } from "../demands";

export interface ExpectedDemand {
  /** A few words the candidate's text must hold to count as this demand. */
  contains: string;
  people?: string[];
  laws?: string[];
  /** Acceptable best matches among the context's benchmarks; [] means none should be suggested. */
  matches?: number[];
}

export interface EvalStatement {
  id: string;
  lang: "en" | "zh";
  text: string;
  demands: ExpectedDemand[];
  /** Names not in the context that should be proposed as new subjects. */
  newNames?: string[];
}

export const EVAL_CONTEXT: ExtractionContext = {
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
    { slug: "chen-mingde", kind: "person", name: "Chen Mingde", nameZh: "陈明德" },
    { slug: "lin-xiaoyun", kind: "person", name: "Lin Xiaoyun", nameZh: "林晓云" },
    { slug: "zhao-haifeng", kind: "person", name: "Zhao Haifeng", nameZh: "赵海峰" },
    { slug: "he-wenjing", kind: "person", name: "He Wenjing", nameZh: "何文静" },
    { slug: "sun-lipeng", kind: "person", name: "Sun Lipeng", nameZh: "孙立鹏" },
    { slug: "rsdl", kind: "law", name: "Residential surveillance at a designated location", nameZh: "指定居所监视居住", aliases: ["Article 73"] },
    { slug: "black-jails", kind: "practice", name: "Black jails", nameZh: "黑监狱" },
  ],
  benchmarks: [
    { id: 1, title: "Release Chen Mingde", demands: ["Release the lawyer Chen Mingde."], subjectSlugs: ["chen-mingde"] },
    { id: 2, title: "Repeal Article 73 of the Criminal Procedure Law", demands: ["Abolish residential surveillance at a designated location."], subjectSlugs: ["rsdl"] },
    { id: 3, title: "Publish the results of each dialogue round", demands: ["Both governments should publish what each round achieved."] },
    { id: 4, title: "Hear civil society before each round", demands: ["Consult NGOs before every round of the dialogue."] },
    { id: 5, title: "Let UN special rapporteurs visit freely", demands: ["Grant UN special rapporteurs access to every region."] },
    { id: 6, title: "Release Lin Xiaoyun", demands: ["Free the blogger Lin Xiaoyun."], subjectSlugs: ["lin-xiaoyun"] },
  ],
};

export const EVAL_STATEMENTS: EvalStatement[] = [
  {
    id: "en-names-after-the-call",
    lang: "en",
    text: `We are alarmed that defenders remain jailed for their peaceful work. We call on the Chinese government to release them without delay.

Among those held are the lawyer Chen Mingde, detained since March, and the blogger Lin Xiaoyun.`,
    demands: [{ contains: "release them", people: ["chen-mingde", "lin-xiaoyun"], matches: [1, 6] }],
  },
  {
    id: "en-list-then-their-release",
    lang: "en",
    text: `The following people are held for their work:

1. Zhao Haifeng, a labour organiser
2. He Wenjing, a lawyer from Wuhan
3. Sun Lipeng, a village election monitor
4. Tomas Berger, a Swiss bookseller

We urge the United States to raise these cases and to press for their immediate release.`,
    demands: [{ contains: "press for their immediate release", people: ["zhao-haifeng", "he-wenjing", "sun-lipeng"], matches: [] }],
    newNames: ["Tomas Berger"],
  },
  {
    id: "en-noun-phrases",
    lang: "en",
    text: `The coalition calls for an end to residential surveillance at a designated location. It also urges an end to the use of black jails against petitioners.`,
    demands: [
      { contains: "end to residential surveillance", laws: ["rsdl"], matches: [2] },
      { contains: "black jails", laws: ["black-jails"], matches: [] },
    ],
  },
  {
    id: "en-list-of-requests",
    lang: "en",
    text: `Our requests for the next round:
- Release of Chen Mingde
- A public report on the results after every round
- Access for UN special rapporteurs to every region`,
    demands: [
      { contains: "Release of Chen Mingde", people: ["chen-mingde"], matches: [1] },
      { contains: "public report", matches: [3] },
      { contains: "special rapporteurs", matches: [5] },
    ],
  },
  {
    id: "en-their-whereabouts",
    lang: "en",
    text: `Sun Lipeng and He Wenjing were taken away by police in May. Their families have heard nothing since. The authorities must disclose their whereabouts and let them see a lawyer.`,
    demands: [{ contains: "disclose their whereabouts", people: ["sun-lipeng", "he-wenjing"], matches: [] }],
  },
  {
    id: "en-him-nearest",
    lang: "en",
    text: `Zhao Haifeng was moved to a new facility in June, and his lawyer was turned away at the gate. The authorities should allow him to meet his lawyer at once.`,
    demands: [{ contains: "allow him to meet his lawyer", people: ["zhao-haifeng"], matches: [] }],
  },
  {
    id: "en-new-names",
    lang: "en",
    text: `A government statement named Anna Lindqvist, a Swedish publisher, as held in Ningbo. The Harbour Rights Network reported the case first. We call on Beijing to release Anna Lindqvist and to allow consular visits.`,
    demands: [{ contains: "release Anna Lindqvist", matches: [] }],
    newNames: ["Anna Lindqvist", "Harbour Rights Network"],
  },
  {
    id: "en-no-demand",
    lang: "en",
    text: `The round was held in Geneva over two days. Delegates discussed trade and climate policy. The next round is expected in the spring.`,
    demands: [],
  },
  {
    id: "zh-numbered-list",
    lang: "zh",
    text: `我们呼吁中国政府：
一、立即无条件释放陈明德律师；
二、废除指定居所监视居住制度；
三、每轮对话后公开发布对话结果。`,
    demands: [
      { contains: "释放陈明德", people: ["chen-mingde"], matches: [1] },
      { contains: "废除指定居所监视居住", laws: ["rsdl"], matches: [2] },
      { contains: "公开发布对话结果", matches: [3] },
    ],
  },
  {
    id: "zh-traditional",
    lang: "zh",
    text: `我們敦促當局立即釋放林曉雲和趙海峰。他們只因和平表達意見而遭到拘押。`,
    demands: [{ contains: "釋放林曉雲", people: ["lin-xiaoyun", "zhao-haifeng"], matches: [6] }],
  },
  {
    id: "zh-back-reference",
    lang: "zh",
    text: `以下人士目前仍被羁押：何文静、孙立鹏、陈明德。我们要求当局立即释放上述人士，并允许家属探视。`,
    demands: [{ contains: "释放上述人士", people: ["he-wenjing", "sun-lipeng", "chen-mingde"], matches: [1] }],
  },
  {
    id: "zh-new-names-by-role",
    lang: "zh",
    text: `维权人士周建华于五月被带走，律师郑美玲至今无法会见他。我们促请有关部门保障律师的会见权，并停止骚扰维权人士的家属。`,
    demands: [{ contains: "保障律师的会见权", matches: [] }],
    newNames: ["周建华", "郑美玲"],
  },
  {
    id: "zh-bracket-markers",
    lang: "zh",
    text: `（一）美国政府应在下一轮对话中提出赵海峰一案；（二）双方应在每轮对话前听取民间团体的意见。`,
    demands: [
      { contains: "提出赵海峰一案", people: ["zhao-haifeng"], matches: [] },
      { contains: "听取民间团体", matches: [4] },
    ],
  },
  {
    id: "zh-no-demand",
    lang: "zh",
    text: `本轮对话在日内瓦举行，为期两天。双方讨论了贸易和气候议题。`,
    demands: [],
  },
];
