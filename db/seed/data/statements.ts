import type { SeedSignatory, SeedStatement } from "@/db/seed/types";
import { ELEVEN_GOVERNMENTS_2017, FIFTEEN_NGOS_2018 } from "./organisations";

const L = "Lawyer";
const D = "Human rights defender";

/**
 * The signatories of the 2015 lawyers' statement, in the order and spelling of the published
 * translation (including "Tang Jitain" and "Yu Yanhau", kept as printed). The text announces 36
 * signers but lists only these 35 names.
 */
export const LAWYERS_2015_SIGNATORIES: ReadonlyArray<readonly [name: string, role: typeof L | typeof D]> = [
  ["Chang Boyang", L],
  ["Chen Keyan", L],
  ["Han Qingfang", L],
  ["Jiang Tianyong", L],
  ["Jiang Yuanmin", L],
  ["Li Dongmei", D],
  ["Lin Qilei", L],
  ["Liu Shihui", L],
  ["Liu Wei", L],
  ["Ma Yongtao", D],
  ["Wu Jinsheng", D],
  ["Peng Yongfeng", L],
  ["Tang Jitain", L],
  ["Teng Biao", L],
  ["Wang Jun", L],
  ["Wang Quanping", L],
  ["Wu Kuiming", L],
  ["Xiao Guozhen", L],
  ["Ye Jingchun", D],
  ["Zhang Chongshi", L],
  ["Ren Quanniu", L],
  ["Yu Wensheng", L],
  ["Xia Jun", L],
  ["Ge Wenxiu", L],
  ["Liu Zhengqing", L],
  ["Chen Bin", L],
  ["Jin Guanghong", L],
  ["Wang Bin", D],
  ["Shu Xiangxin", L],
  ["Chen Zhiyong", L],
  ["Ge Jueping", D],
  ["Lu Guoying", D],
  ["Yu Yanhau", D],
  ["Zhang Youwei", D],
  ["Chen Ziliang", D],
];

const person = ([name, role]: readonly [string, string]): SeedSignatory => ({ name, role, organisationSlug: null });
const organisation = ([slug, name]: readonly [string, string]): SeedSignatory => ({ name, role: null, organisationSlug: slug });

export const SEED_STATEMENTS: SeedStatement[] = [
  {
    slug: "hrw-2012-dialogue-comments",
    title: "Human Rights Watch on the 2012 US–China dialogue",
    kind: "ngo_press_release",
    publisherSlugs: ["human-rights-watch"],
    signatories: [],
    date: "2012-07-01",
    datePrecision: "month",
    language: "en",
    sourceUrl: null,
    roundSlug: "uschrd-2012-washington",
    summary:
      "Human Rights Watch comments quoted in a China Digital Times round-up of the 2012 round. Talks that nobody discusses in public afterwards, it argues, let Beijing claim to engage on rights while it delays reform; no government that holds such dialogues with China has set benchmarks of progress; and China's new 2012–15 human-rights action plan states intentions with nothing to enforce them.",
    sourceSlug: "cdt-2012-talks-begin",
  },
  {
    slug: "chrd-2012-dialogue-comments",
    title: "Chinese Human Rights Defenders on the 2012 US–China dialogue",
    kind: "civil_society_statement",
    publisherSlugs: ["chinese-human-rights-defenders"],
    signatories: [],
    date: "2012-07-01",
    datePrecision: "month",
    language: "en",
    sourceUrl: null,
    roundSlug: "uschrd-2012-washington",
    summary:
      "CHRD, quoted in the same round-up, asks what the many earlier rounds have actually produced and says a systematic public review of the dialogue is overdue. It relays suggestions from Chinese activists: let their views shape the talks, and have officials of both countries face the press when a round ends.",
    sourceSlug: "cdt-2012-talks-begin",
  },
  {
    slug: "hrw-2013-kunming-release",
    title: "Human Rights Watch: seek concrete public commitments at the Kunming dialogue",
    kind: "ngo_press_release",
    publisherSlugs: ["human-rights-watch"],
    signatories: [],
    date: "2013-07-01",
    datePrecision: "month",
    language: "en",
    sourceUrl: null,
    roundSlug: "uschrd-2013-kunming",
    summary:
      "Written before the first round under Xi Jinping. HRW lists detentions of activists who urged officials to declare their assets (Xu Zhiyong among them), of people who freed petitioners from a black jail in Wuxi, and of petitioners seeking a say in China's UPR report, and notes repression in Tibetan areas and Xinjiang. It wants the US to obtain public commitments and benchmarks from China, to brief the public on cases and replies afterwards, and to have every agency that deals with China raise rights.",
    sourceSlug: "hrw-2013-kunming",
  },
  {
    slug: "rdn-2015-editorial",
    title: "Rights Defense Network editorial: the 2015 dialogue must bring concrete measures",
    kind: "ngo_editorial",
    publisherSlugs: ["rights-defense-network"],
    signatories: [],
    date: "2015-08-10",
    datePrecision: "day",
    language: "zh (English translation published by CHRD)",
    sourceUrl: null,
    roundSlug: "uschrd-2015-washington",
    summary:
      "Published during the mass round-up of lawyers that began in July 2015. The editorial asks the US to hear civil society before the round and to make the gravest cases its priority: the detained lawyers, Liu Xiaobo's isolation and Liu Xia's house arrest, four sick prisoners refused medical parole (Gao Yu, Wang Bingzhang, Chen Xi, Zhu Yufu), and Guo Feixiong, Pu Zhiqiang and Tang Jingling, held for years without a verdict.",
    sourceSlug: "chrd-2015-two-texts",
  },
  {
    slug: "lawyers-2015-statement",
    title: "Statement by Chinese lawyers on the 2015 China–US human rights dialogue",
    kind: "civil_society_statement",
    publisherSlugs: [],
    signatories: LAWYERS_2015_SIGNATORIES.map(person),
    date: "2015-08-10",
    datePrecision: "day",
    language: "zh (English translation published by CHRD)",
    sourceUrl: null,
    roundSlug: "uschrd-2015-washington",
    summary:
      "Lawyers and activists ask for the release of everyone seized or disappeared since 9 July 2015, verifiable plans against further persecution, repeal or deep revision of Article 36 of Criminal Law Amendment IX and Article 73 of the Criminal Procedure Law, safety for those who commented on the dialogue, public reporting of results by both governments, and a regular dialogue open to civil society. The text says 36 people signed but lists 35 names; the 35 are kept here exactly as printed.",
    sourceSlug: "chrd-2015-two-texts",
  },
  {
    slug: "ambassadors-2017-letter",
    title: "Letter from eleven countries' ambassadors on torture claims and secret detention",
    kind: "government_letter",
    publisherSlugs: ELEVEN_GOVERNMENTS_2017.map(([slug]) => slug),
    signatories: ELEVEN_GOVERNMENTS_2017.map(organisation),
    date: "2017-02-27",
    datePrecision: "day",
    language: "en",
    sourceUrl: null,
    roundSlug: "hrc-34",
    summary:
      "An unpublished letter known from press reports that Humanosphere relayed in March 2017. Ambassadors and diplomats of eleven countries ask China to look into torture allegations by detained lawyers and activists (Wu Gan, Xie Yang, Li Heping, Li Chunfu, Wang Quanzhang) and to stop holding suspects for months in secret places before trial. The United States did not sign; China's foreign ministry rejected the letter.",
    sourceSlug: "humanosphere-2017-eleven-countries",
  },
  {
    slug: "ngo-2018-hrc37-letter",
    title: "Joint NGO letter to UN member states ahead of the 37th Human Rights Council session",
    kind: "ngo_joint_letter",
    publisherSlugs: FIFTEEN_NGOS_2018.map(([slug]) => slug),
    signatories: FIFTEEN_NGOS_2018.map(organisation),
    date: "2018-02-03",
    datePrecision: "day",
    language: "en",
    sourceUrl: null,
    roundSlug: "hrc-37",
    summary:
      "Fifteen organisations ask delegations to restate their support for the 2016 joint statement on China, to renew joint action, and to have the Council call for the release of five named people (Liu Xia, Wang Quanzhang, Gui Minhai, Tashi Wangchuk, Yu Wensheng) and of all held for peaceful political expression, condemn secret detention under residential surveillance, and seek access for UN experts, with China's November 2018 review in view.",
    sourceSlug: "ngo-letter-2018-hrc37",
  },
];
