import type { SeedBenchmark } from "@/db/seed/types";

type Draft = Omit<SeedBenchmark, "scopeTrackSlugs" | "subjectSlugs" | "retired" | "outcomes"> &
  Partial<Pick<SeedBenchmark, "scopeTrackSlugs" | "subjectSlugs" | "retired" | "outcomes">>;

const benchmark = (draft: Draft): SeedBenchmark => ({ scopeTrackSlugs: [], subjectSlugs: [], retired: null, outcomes: [], ...draft });

// Scopes. A demand about how the bilateral dialogue itself is run (meeting, reporting, who takes part,
// what it sets out to achieve) can only be judged at its rounds; one about what the Council or its
// members do in a session, at Council sessions; one about China's UPR process, at the review.
// Everything else (a release, a law, an abuse to end) is judged at every round of every track.
const DIALOGUE_ONLY = ["us-china-dialogue"];
const COUNCIL_ONLY = ["un-hrc"];
const REVIEW_ONLY = ["upr"];

const R2012 = "uschrd-2012-washington";
const R2013 = "uschrd-2013-kunming";
const R2015 = "uschrd-2015-washington";
const HRC31 = "hrc-31";
const HRC34 = "hrc-34";
const HRC37 = "hrc-37";
const UPR2018 = "upr-china-2018";

/** The four ailing prisoners named together in the 2015 editorial share one wording of the demand. */
const MEDICAL_PAROLE_2015 =
  "Named among elderly, sick prisoners of conscience refused proper treatment and medical parole; getting them out is urgent.";

// Every concrete, checkable demand in the five documents, each stated once. A demand raised again by a
// later statement is the same benchmark with a further source. A benchmark applies from the round the
// first statement raising it addresses. Outcomes drive the demo scores: where publicRecord is true the
// rationale says what happened; otherwise the score is illustrative demo data and says so.
export const SEED_BENCHMARKS: SeedBenchmark[] = [
  // ── Transparency and reporting ────────────────────────────────────────────────────────────────
  benchmark({
    slug: "report-results-publicly",
    title: "Both governments report each round's results to the public",
    titleZh: "两国政府向公众通报每轮对话的结果",
    categorySlug: "transparency-and-reporting",
    addressee: "both_governments",
    appliesFromRoundSlug: R2012,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      { statementSlug: "hrw-2012-dialogue-comments", demand: "Warns that a round nobody discusses in public afterwards mainly lets Beijing claim it is engaging while reform waits." },
      { statementSlug: "lawyers-2015-statement", demand: "Both governments should report the outcome openly to their publics and legislatures, so that people can follow it up." },
    ],
  }),
  benchmark({
    slug: "press-conference-after-round",
    title: "Officials of both countries take questions from the press when a round ends",
    titleZh: "每轮结束后两国官员回答记者提问",
    categorySlug: "transparency-and-reporting",
    addressee: "both_governments",
    appliesFromRoundSlug: R2012,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [{ statementSlug: "chrd-2012-dialogue-comments", demand: "Passes on activists' proposal that both delegations meet the press and answer questions once the talks close." }],
    outcomes: [
      {
        fromRoundSlug: R2013,
        status: "partial",
        rationale: "Demo score, illustrative only: scored as if the US side briefed reporters and the Chinese side did not.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "us-discloses-cases-and-replies",
    title: "The US tells the public which topics and cases it raised and how China answered",
    titleZh: "美方公开所提出的议题和个案以及中方的答复",
    categorySlug: "transparency-and-reporting",
    addressee: "us_government",
    appliesFromRoundSlug: R2013,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      {
        statementSlug: "hrw-2013-kunming-release",
        demand: "After the round the US delegation should give the public and the press the fullest possible account of the subjects and individual cases discussed and of China's answers.",
      },
    ],
    outcomes: [
      {
        fromRoundSlug: R2015,
        status: "partial",
        rationale: "Demo score, illustrative only: scored as if a US briefing named some cases but not China's replies.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "all-us-agencies-raise-rights",
    title: "Every US agency that deals with China raises human rights, in meetings and in public",
    titleZh: "所有与中国打交道的美国机构都在会谈和公开场合提出人权问题",
    categorySlug: "transparency-and-reporting",
    addressee: "us_government",
    appliesFromRoundSlug: R2013,
    sources: [
      {
        statementSlug: "hrw-2013-kunming-release",
        demand: "Require each US agency with standing ties to China to bring up key rights issues in its meetings and, regularly, in public remarks and interviews, Chinese-language media included.",
      },
    ],
  }),

  // ── Benchmarks and follow-up ──────────────────────────────────────────────────────────────────
  benchmark({
    slug: "adopt-public-benchmarks",
    title: "Concrete, public benchmarks are set for the dialogue",
    titleZh: "为对话设定具体、公开的基准",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "both_governments",
    appliesFromRoundSlug: R2012,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      { statementSlug: "hrw-2012-dialogue-comments", demand: "Faults every government holding rights dialogues with China for never setting benchmarks that would show progress." },
      { statementSlug: "hrw-2013-kunming-release", demand: "The US should push China to accept concrete, clear benchmarks, without which the dialogue is a diplomatic formality." },
    ],
  }),
  benchmark({
    slug: "evaluate-progress-next-round",
    title: "Progress against the benchmarks is checked at the following round",
    titleZh: "在下一轮对话中检查基准的进展",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "both_governments",
    appliesFromRoundSlug: R2013,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [{ statementSlug: "hrw-2013-kunming-release", demand: "Review progress on the agreed benchmarks at later rounds." }],
  }),
  benchmark({
    slug: "public-assessment-of-dialogue",
    title: "A systematic, public assessment of what the dialogue has achieved",
    titleZh: "对对话的成效作系统、公开的评估",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "us_government",
    appliesFromRoundSlug: R2012,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      { statementSlug: "chrd-2012-dialogue-comments", demand: "Asks what tangible results the US can point to after so many rounds and calls an open, systematic review of the talks long overdue." },
    ],
  }),
  benchmark({
    slug: "china-public-commitments",
    title: "China makes concrete public commitments to change abusive policies and practices",
    titleZh: "中国公开作出改变侵权政策和做法的具体承诺",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "Use the round to obtain public, concrete pledges from China to change the policies and practices that violate rights." },
      { statementSlug: "rdn-2015-editorial", demand: "The talks should produce concrete, effective measures and results on the ground, not diplomatic phrases." },
    ],
  }),
  benchmark({
    slug: "action-plan-enforceable",
    title: "China's national human-rights action plan comes with measures that enforce it",
    titleZh: "中国的国家人权行动计划配有确保执行的措施",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2012,
    sources: [
      {
        statementSlug: "hrw-2012-dialogue-comments",
        demand: "Criticises the 2012–15 action plan for vague intentions and for offering no way to make officials act on recommendations to free detainees.",
      },
    ],
  }),
  benchmark({
    slug: "dialogue-held-regularly",
    title: "The dialogue meets regularly",
    titleZh: "对话定期举行",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "both_governments",
    appliesFromRoundSlug: R2015,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [{ statementSlug: "lawyers-2015-statement", demand: "Both governments should make the dialogue regular, open to non-governmental voices and effective." }],
    // No dialogue round followed August 2015, so none is left at which to score that it stopped meeting.
  }),
  benchmark({
    slug: "us-prioritises-serious-cases",
    title: "The US makes the gravest individual cases and patterns of abuse the core of the talks",
    titleZh: "美方把最严重的个案和系统性侵权作为会谈的核心",
    categorySlug: "benchmarks-and-follow-up",
    addressee: "us_government",
    appliesFromRoundSlug: R2015,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      { statementSlug: "rdn-2015-editorial", demand: "The US should put the most serious individual cases and patterns of violations at the top of the agenda and press hard on emblematic ones." },
    ],
  }),

  // ── Civil-society participation ───────────────────────────────────────────────────────────────
  benchmark({
    slug: "consult-civil-society-before-round",
    title: "Civil society is consulted before each round and its views taken into account",
    titleZh: "每轮之前征询公民社会的意见并加以考虑",
    categorySlug: "civil-society-participation",
    addressee: "us_government",
    appliesFromRoundSlug: R2012,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [
      { statementSlug: "chrd-2012-dialogue-comments", demand: "Relays activists' wish that the talks reflect the views and ideas of Chinese rights defenders." },
      { statementSlug: "rdn-2015-editorial", demand: "Before the round, the US should carefully collect the views of organisations concerned with rights in China, since Beijing will not listen to them." },
    ],
    outcomes: [
      {
        fromRoundSlug: R2015,
        status: "partial",
        rationale: "Demo score, illustrative only: scored as if the US met some rights groups beforehand but not groups inside China.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "civil-society-takes-part",
    title: "Civil society from both countries takes part in the dialogue",
    titleZh: "两国公民社会参与对话",
    categorySlug: "civil-society-participation",
    addressee: "both_governments",
    appliesFromRoundSlug: R2015,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [{ statementSlug: "lawyers-2015-statement", demand: "Only if both countries' civil societies take part can the dialogue make due progress; open it to them." }],
  }),
  benchmark({
    slug: "public-input-into-upr-report",
    title: "Citizens can take part in drafting China's UPR report",
    titleZh: "公民能够参与起草中国的普遍定期审议报告",
    categorySlug: "civil-society-participation",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    scopeTrackSlugs: REVIEW_ONLY,
    sources: [
      {
        statementSlug: "hrw-2013-kunming-release",
        demand: "Reports that up to 200 people who asked for a role in writing China's UPR report were briefly held; the report is meant to reflect public input.",
      },
    ],
  }),

  // ── Release of detained people ────────────────────────────────────────────────────────────────
  benchmark({
    slug: "release-xu-zhiyong",
    title: "Release Xu Zhiyong",
    titleZh: "释放许志永",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["xu-zhiyong"],
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "Names the legal scholar among those held for urging asset disclosure by officials; the US should hold China to account for such detentions." },
    ],
    outcomes: [
      { fromRoundSlug: R2015, status: "not_met", rationale: "Sentenced to four years in prison in January 2014.", publicRecord: true },
      { fromRoundSlug: HRC37, status: "partial", rationale: "Freed in July 2017, but only after serving the whole four-year sentence.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "release-asset-disclosure-activists",
    title: "Release the activists held for urging officials to disclose their assets",
    titleZh: "释放因呼吁官员公示财产而被关押的活动人士",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["xu-zhiyong"],
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "From the end of March 2013 at least 16 campaigners in Beijing and Jiangxi were detained for asking that officials publish their assets." },
    ],
    outcomes: [
      { fromRoundSlug: R2015, status: "not_met", rationale: "Xu Zhiyong and several fellow campaigners were tried and given prison terms in 2014.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "release-wuxi-black-jail-rescuers",
    title: "Release the activists detained for freeing petitioners from a black jail in Wuxi",
    titleZh: "释放因在无锡解救黑监狱中的访民而被拘留的活动人士",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["black-jails"],
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "At least five activists who broke petitioners out of an unlawful jail were detained instead of its guards; others are missing." },
    ],
  }),
  benchmark({
    slug: "release-709-lawyers",
    title: "Release all lawyers and activists detained or disappeared since 9 July 2015",
    titleZh: "释放2015年7月9日以来被拘留或失踪的所有律师和活动人士",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["wang-quanzhang", "li-heping", "xie-yang", "li-chunfu", "enforced-disappearance", "rsdl-article-73"],
    sources: [
      {
        statementSlug: "rdn-2015-editorial",
        demand: "Hundreds of lawyers and defenders were held, questioned or threatened from July 2015; at least 23 remain in custody, missing or under residential surveillance at unknown places.",
      },
      { statementSlug: "lawyers-2015-statement", demand: "Free every lawyer and activist arbitrarily held or secretly detained since 9 July, as proof that China takes the dialogue seriously." },
    ],
    outcomes: [
      { fromRoundSlug: HRC34, status: "partial", rationale: "Some of those held, Li Chunfu among them, had been let out on bail by early 2017; most were still detained or awaiting trial.", publicRecord: true },
      {
        fromRoundSlug: HRC37,
        status: "partial",
        rationale: "More had been freed on bail or with suspended sentences, but Wang Quanzhang was still held incommunicado and Wu Gan had been sentenced to eight years.",
        publicRecord: true,
      },
    ],
  }),
  benchmark({
    slug: "release-liu-xia",
    title: "End Liu Xia's house arrest",
    titleZh: "解除对刘霞的软禁",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["liu-xia"],
    sources: [
      { statementSlug: "rdn-2015-editorial", demand: "Liu Xia has been confined at home for years and is told she will lose prison visits if she speaks about her husband." },
      { statementSlug: "ngo-2018-hrc37-letter", demand: "One of five cases the Council should raise: still confined at home after Liu Xiaobo's death; free her." },
    ],
    outcomes: [{ fromRoundSlug: UPR2018, status: "met", rationale: "Allowed to leave China for Germany on 10 July 2018.", publicRecord: true }],
  }),
  benchmark({
    slug: "medical-parole-gao-yu",
    title: "Medical treatment and release on medical parole for Gao Yu",
    titleZh: "让高瑜得到治疗并保外就医",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["gao-yu", "denial-of-medical-parole"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: MEDICAL_PAROLE_2015 }],
    outcomes: [
      {
        fromRoundSlug: HRC31,
        status: "partial",
        rationale: "In November 2015 her sentence was cut to five years and she was let out to serve it on health grounds; the conviction stands.",
        publicRecord: true,
      },
    ],
  }),
  benchmark({
    slug: "medical-parole-wang-bingzhang",
    title: "Medical treatment and release on medical parole for Wang Bingzhang",
    titleZh: "让王炳章得到治疗并保外就医",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["wang-bingzhang", "denial-of-medical-parole"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: MEDICAL_PAROLE_2015 }],
  }),
  benchmark({
    slug: "medical-parole-chen-xi",
    title: "Medical treatment and release on medical parole for Chen Xi",
    titleZh: "让陈西得到治疗并保外就医",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["chen-xi", "denial-of-medical-parole"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: MEDICAL_PAROLE_2015 }],
  }),
  benchmark({
    slug: "medical-parole-zhu-yufu",
    title: "Medical treatment and release on medical parole for Zhu Yufu",
    titleZh: "让朱虞夫得到治疗并保外就医",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["zhu-yufu", "denial-of-medical-parole"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: MEDICAL_PAROLE_2015 }],
  }),
  benchmark({
    slug: "release-guo-feixiong",
    title: "End Guo Feixiong's detention without a verdict: release him",
    titleZh: "结束对郭飞雄不作判决的羁押，释放他",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["guo-feixiong", "prolonged-pretrial-detention"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "Held for a long time before trial and still without a sentence long after it." }],
    outcomes: [{ fromRoundSlug: HRC31, status: "not_met", rationale: "Sentenced to six years in prison in November 2015.", publicRecord: true }],
  }),
  benchmark({
    slug: "release-pu-zhiqiang",
    title: "End Pu Zhiqiang's detention without a verdict: release him",
    titleZh: "结束对浦志强不作判决的羁押，释放他",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["pu-zhiqiang", "prolonged-pretrial-detention"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "The lawyer has been held for a very long time before any trial." }],
    outcomes: [
      {
        fromRoundSlug: HRC31,
        status: "partial",
        rationale: "Released in December 2015 with a three-year suspended sentence, which also ended his career as a lawyer.",
        publicRecord: true,
      },
    ],
  }),
  benchmark({
    slug: "release-tang-jingling",
    title: "End Tang Jingling's detention without a verdict: release him",
    titleZh: "结束对唐荆陵不作判决的羁押，释放他",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["tang-jingling", "prolonged-pretrial-detention"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "The lawyer has been held for a very long time before any trial." }],
    outcomes: [{ fromRoundSlug: HRC31, status: "not_met", rationale: "Sentenced to five years in prison in January 2016.", publicRecord: true }],
  }),
  benchmark({
    slug: "release-wang-quanzhang",
    title: "Release Wang Quanzhang",
    titleZh: "释放王全璋",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    subjectSlugs: ["wang-quanzhang"],
    sources: [
      { statementSlug: "ngo-2018-hrc37-letter", demand: "One of five cases: a rights lawyer missing since 9 July 2015; the Council should call for his immediate release." },
    ],
    outcomes: [{ fromRoundSlug: HRC37, status: "not_met", rationale: "Still held incommunicado, with no word to his family or lawyers.", publicRecord: true }],
  }),
  benchmark({
    slug: "release-gui-minhai",
    title: "Release Gui Minhai",
    titleZh: "释放桂民海",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    subjectSlugs: ["gui-minhai"],
    sources: [{ statementSlug: "ngo-2018-hrc37-letter", demand: "One of five cases: a Swedish citizen held since he vanished from Thailand in October 2015; free him." }],
    outcomes: [
      { fromRoundSlug: HRC37, status: "not_met", rationale: "Police seized him again in January 2018, three months after letting him out of custody.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "release-tashi-wangchuk",
    title: "Release Tashi Wangchuk",
    titleZh: "释放扎西文色",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    subjectSlugs: ["tashi-wangchuk"],
    sources: [{ statementSlug: "ngo-2018-hrc37-letter", demand: "One of five cases: a Tibetan education advocate held for two years on a separatism charge; free him." }],
    outcomes: [{ fromRoundSlug: UPR2018, status: "regressed", rationale: "Sentenced to five years in prison in May 2018.", publicRecord: true }],
  }),
  benchmark({
    slug: "release-yu-wensheng",
    title: "Release Yu Wensheng",
    titleZh: "释放余文生",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    subjectSlugs: ["yu-wensheng"],
    sources: [{ statementSlug: "ngo-2018-hrc37-letter", demand: "One of five cases: a prominent lawyer stripped of his licence and then detained in January 2018; free him." }],
    outcomes: [{ fromRoundSlug: HRC37, status: "not_met", rationale: "Held since January 2018; he was still in custody at the end of the year.", publicRecord: true }],
  }),
  benchmark({
    slug: "release-peaceful-expression-detainees",
    title: "Release everyone detained for peacefully expressing political views",
    titleZh: "释放所有因和平表达政治观点而被拘押的人",
    categorySlug: "release-of-detained-people",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    subjectSlugs: ["liu-xia", "wang-quanzhang", "gui-minhai", "tashi-wangchuk", "yu-wensheng", "jiang-tianyong"],
    sources: [
      {
        statementSlug: "ngo-2018-hrc37-letter",
        demand: "The Council's message to China should call for the immediate release of all held for peaceful political expression, starting with the five named cases.",
      },
    ],
  }),

  // ── End of abusive practices ──────────────────────────────────────────────────────────────────
  benchmark({
    slug: "liu-xiaobo-contact",
    title: "Restore Liu Xiaobo's contact with the outside world",
    titleZh: "恢复刘晓波与外界的联系",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["liu-xiaobo"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "The imprisoned Nobel laureate is cut off from all communication with the world outside prison." }],
    retired: { on: "2017-07-13", reason: "Liu Xiaobo died in custody on 13 July 2017." },
  }),
  benchmark({
    slug: "investigate-torture-claims",
    title: "Investigate torture claims by detained lawyers and activists, and stop the abuse",
    titleZh: "调查被拘律师和活动人士遭受酷刑的指控，并制止虐待",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["torture-in-custody", "wu-gan", "xie-yang", "li-heping", "li-chunfu", "wang-quanzhang"],
    sources: [
      { statementSlug: "rdn-2015-editorial", demand: "Everyone still in police custody after the July 2015 round-up is at risk of torture." },
      {
        statementSlug: "ambassadors-2017-letter",
        demand: "Look into credible allegations of torture and cruel or degrading treatment of detained lawyers and defenders, Wu Gan, Xie Yang, Li Heping, Li Chunfu and Wang Quanzhang among them.",
      },
    ],
    outcomes: [
      { fromRoundSlug: HRC34, status: "not_met", rationale: "China's foreign ministry dismissed the eleven countries' letter as interference in its judiciary.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "end-guo-feixiong-solitary",
    title: "End the solitary confinement and ill-treatment of Guo Feixiong",
    titleZh: "停止对郭飞雄的单独关押和虐待",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["guo-feixiong", "torture-in-custody"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "Raise as a grave concern the endless interrogations and two years of solitary confinement he has been put through." }],
  }),
  benchmark({
    slug: "end-denial-of-medical-parole",
    title: "Stop refusing medical care and medical parole to ailing prisoners",
    titleZh: "不再拒绝患病囚犯就医和保外就医",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["denial-of-medical-parole", "cao-shunli"],
    sources: [{ statementSlug: "rdn-2015-editorial", demand: "Recalls that Cao Shunli died in detention in 2014 after medical bail was refused; sick prisoners must be treated." }],
  }),
  benchmark({
    slug: "close-black-jails",
    title: "Close black jails and hold those who run them to account",
    titleZh: "关闭黑监狱，追究经营者的责任",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["black-jails"],
    sources: [{ statementSlug: "hrw-2013-kunming-release", demand: "Describes an unlawful lock-up for petitioners in Wuxi whose guards went unpunished while their rescuers were held." }],
  }),
  benchmark({
    slug: "address-tibet-xinjiang-grievances",
    title: "Address grievances in Tibetan areas and Xinjiang instead of repressing them",
    titleZh: "回应藏区和新疆民众的诉求，而不是镇压",
    categorySlug: "end-of-abusive-practices",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "China has answered long-standing grievances in Tibetan areas and Xinjiang with repression, amid self-immolations and clashes." },
    ],
    outcomes: [
      {
        fromRoundSlug: HRC37,
        status: "regressed",
        rationale: "From 2017, mass detention of Uyghurs and other Muslims in so-called re-education facilities in Xinjiang was widely documented.",
        publicRecord: true,
      },
    ],
  }),

  // ── Legal reform ──────────────────────────────────────────────────────────────────────────────
  benchmark({
    slug: "end-rsdl",
    title: "Repeal or amend Article 73 of the Criminal Procedure Law and end residential surveillance at a designated location",
    titleZh: "废除或修改《刑事诉讼法》第七十三条，终止指定居所监视居住",
    categorySlug: "legal-reform",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["rsdl-article-73", "enforced-disappearance"],
    sources: [
      { statementSlug: "lawyers-2015-statement", demand: "The US should urge China to abolish or thoroughly revise Article 73, which was used directly against the detained lawyers." },
      { statementSlug: "ambassadors-2017-letter", demand: "End the practice of holding suspects for up to six months at a secret designated place before trial." },
    ],
    outcomes: [
      {
        fromRoundSlug: UPR2018,
        status: "not_met",
        rationale: "The October 2018 revision of the Criminal Procedure Law kept the measure, only under a new article number.",
        publicRecord: true,
      },
    ],
  }),
  benchmark({
    slug: "abolish-re-education-through-labour",
    title: "Abolish re-education through labour",
    titleZh: "废除劳动教养",
    categorySlug: "legal-reform",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["re-education-through-labour"],
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "The only sign of improvement since 2012 is a cautious hint of change to the notorious labour-camp system; see it through." },
    ],
    outcomes: [
      { fromRoundSlug: R2015, status: "met", rationale: "The NPC Standing Committee abolished re-education through labour on 28 December 2013.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "repeal-criminal-law-amendment-9-article-36",
    title: "Repeal or substantially amend Article 36 of Criminal Law Amendment IX",
    titleZh: "废除或大幅修改《刑法修正案（九）》第三十六条",
    categorySlug: "legal-reform",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["criminal-law-amendment-9-article-36"],
    sources: [
      { statementSlug: "lawyers-2015-statement", demand: "Singles out this article among new provisions that breach the Constitution or international standards; scrap it or revise it thoroughly." },
    ],
    outcomes: [
      { fromRoundSlug: HRC31, status: "regressed", rationale: "Adopted on 29 August 2015, two weeks after the round, and in force from 1 November 2015.", publicRecord: true },
    ],
  }),
  benchmark({
    slug: "us-urges-repeal-of-rights-violating-laws",
    title: "The US urges China to repeal or amend laws that breach its Constitution or international standards",
    titleZh: "美方敦促中国废除或修改违反本国宪法或国际标准的法律",
    categorySlug: "legal-reform",
    addressee: "us_government",
    appliesFromRoundSlug: R2015,
    sources: [
      { statementSlug: "lawyers-2015-statement", demand: "The US should watch the new wave of legislation closely and press China to scrap or substantially revise such provisions." },
    ],
  }),

  // ── Protection of defenders ───────────────────────────────────────────────────────────────────
  benchmark({
    slug: "no-reprisals-for-dialogue-comments",
    title: "No reprisals against activists and lawyers who spoke about the dialogue",
    titleZh: "不得报复就对话发表意见的活动人士和律师",
    categorySlug: "protection-of-defenders",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2015,
    subjectSlugs: ["jiang-tianyong", "yu-wensheng"],
    sources: [{ statementSlug: "lawyers-2015-statement", demand: "Guarantee the personal safety of the activists and lawyers who commented on the dialogue or made proposals for it." }],
    outcomes: [
      {
        fromRoundSlug: HRC31,
        status: "regressed",
        rationale: "Yu Wensheng, one of the 2015 statement's signatories, was held for about three months from October 2015.",
        publicRecord: true,
      },
      {
        fromRoundSlug: HRC34,
        status: "regressed",
        rationale: "Jiang Tianyong, one of the 2015 statement's signatories, disappeared into police custody in November 2016.",
        publicRecord: true,
      },
      {
        fromRoundSlug: HRC37,
        status: "regressed",
        rationale: "Yu Wensheng was detained again in January 2018, and Jiang Tianyong had been sentenced in November 2017.",
        publicRecord: true,
      },
    ],
  }),
  benchmark({
    slug: "plans-against-persecution",
    title: "Concrete, verifiable plans to stop the persecution of lawyers and activists after the round",
    titleZh: "对话之后拿出具体、可核查的计划，停止迫害律师和活动人士",
    categorySlug: "protection-of-defenders",
    addressee: "both_governments",
    appliesFromRoundSlug: R2015,
    scopeTrackSlugs: DIALOGUE_ONLY,
    sources: [{ statementSlug: "lawyers-2015-statement", demand: "Both sides should set out concrete plans, open to checking, to prevent further persecution once the talks end." }],
    outcomes: [
      {
        fromRoundSlug: R2015,
        status: "unknown",
        rationale: "Demo score, illustrative only: the demo reviewers found too little public information to judge.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "no-reprisals-for-upr-participation",
    title: "No reprisals against people who take part in China's UPR",
    titleZh: "不得报复参与中国普遍定期审议的人",
    categorySlug: "protection-of-defenders",
    addressee: "chinese_government",
    appliesFromRoundSlug: R2013,
    subjectSlugs: ["cao-shunli"],
    sources: [
      { statementSlug: "hrw-2013-kunming-release", demand: "Some 150 to 200 people who asked for a role in drafting the UPR report were detained and questioned." },
      { statementSlug: "ngo-2018-hrc37-letter", demand: "Defenders preparing for the November 2018 review take real risks and need to know they are not alone." },
    ],
    outcomes: [
      {
        fromRoundSlug: R2015,
        status: "regressed",
        rationale: "Cao Shunli, detained in 2013 after pressing for a say in China's UPR report, died in custody in March 2014.",
        publicRecord: true,
      },
    ],
  }),

  // ── International access and accountability ──────────────────────────────────────────────────
  benchmark({
    slug: "reaffirm-2016-joint-statement",
    title: "Member states reaffirm the 2016 joint statement on China in their Item 4 statements, at this and later sessions",
    titleZh: "成员国在本届及以后各届会议的议程项目4发言中重申2016年关于中国的联合声明",
    categorySlug: "international-access-and-accountability",
    addressee: "un_member_states",
    appliesFromRoundSlug: HRC37,
    scopeTrackSlugs: COUNCIL_ONLY,
    sources: [
      {
        statementSlug: "ngo-2018-hrc37-letter",
        demand: "In the Item 4 general debate, now and at later sessions, say plainly that you still back the March 2016 joint statement and its concerns, due process above all.",
      },
    ],
    outcomes: [
      {
        fromRoundSlug: HRC37,
        status: "partial",
        rationale: "Demo score, illustrative only: scored as if some delegations, not all, restated their support.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "renew-joint-statement-on-china",
    title: "Member states renew joint action on China at the Council and keep it up session after session",
    titleZh: "成员国在理事会重新就中国采取联合行动，并在每届会议上坚持下去",
    categorySlug: "international-access-and-accountability",
    addressee: "un_member_states",
    appliesFromRoundSlug: HRC37,
    scopeTrackSlugs: COUNCIL_ONLY,
    sources: [
      {
        statementSlug: "ngo-2018-hrc37-letter",
        demand: "After the 19th Party Congress a new joint statement is overdue; pressure works only when it is collective and consistent, and silence emboldens Beijing.",
      },
    ],
  }),
  benchmark({
    slug: "council-clear-message-to-china",
    title: "The Human Rights Council sends China a clear, collective message on its rollback of rights",
    titleZh: "人权理事会就中国的人权倒退向其发出明确的集体信息",
    categorySlug: "international-access-and-accountability",
    addressee: "un_human_rights_council",
    appliesFromRoundSlug: HRC37,
    scopeTrackSlugs: COUNCIL_ONLY,
    sources: [{ statementSlug: "ngo-2018-hrc37-letter", demand: "Delegations, alone or with like-minded states, should have the Council deliver a clear message to China." }],
    outcomes: [
      {
        fromRoundSlug: HRC37,
        status: "unknown",
        rationale: "Demo score, illustrative only: the demo reviewers could not tell whether the session's statements amounted to a Council message.",
        publicRecord: false,
      },
    ],
  }),
  benchmark({
    slug: "council-condemns-rsdl",
    title: "The Human Rights Council condemns residential surveillance at a designated location",
    titleZh: "人权理事会谴责指定居所监视居住",
    categorySlug: "international-access-and-accountability",
    addressee: "un_human_rights_council",
    appliesFromRoundSlug: HRC37,
    scopeTrackSlugs: COUNCIL_ONLY,
    subjectSlugs: ["rsdl-article-73"],
    sources: [
      { statementSlug: "ngo-2018-hrc37-letter", demand: "The message should condemn a measure that permits six months of secret detention, often with no lawyer." },
    ],
  }),
  benchmark({
    slug: "special-rapporteurs-access",
    title: "UN Special Rapporteurs get prompt access to China, including Tibetan and Uyghur areas",
    titleZh: "联合国特别报告员能迅速访问中国，包括藏区和维吾尔地区",
    categorySlug: "international-access-and-accountability",
    addressee: "chinese_government",
    appliesFromRoundSlug: HRC37,
    sources: [
      {
        statementSlug: "ngo-2018-hrc37-letter",
        demand: "The message should press for every relevant Special Rapporteur to be let into the country without delay, Tibetan and Uyghur regions included.",
      },
    ],
  }),
];
