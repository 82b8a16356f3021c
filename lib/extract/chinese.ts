// Chinese text for the extractor: traditional characters read as simplified, the words that carry a
// demand, and names proposed from the role written beside them (律师郑某某, 维权人士…).
import * as OpenCC from "opencc-js";

const traditionalToSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** The text in simplified characters, so that 釋放劉霞 matches 释放刘霞. */
export function toSimplified(text: string): string {
  return /[\u3400-\u9fff]/.test(text) ? traditionalToSimplified(text) : text;
}

export const HAS_CJK = /[\u3400-\u9fff]/;

/** Words that make a Chinese sentence or list item a demand (simplified; the text is simplified first). */
export const ZH_DEMAND = /要求|呼吁|敦促|促请|吁请|恳请|应当|应该|必须|(?<![回相反适响供对])应(?![对用])|释放|废除|撤销|撤回|停止|终止|保障|恢复|允许|公开发布|公布|提出|听取|取消|结束|确保/;

export const ZH_LIST_MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．]|[①-⑩])\s*/;

/** English words for Chinese terms, so a Chinese demand can be compared with English benchmarks. */
export const ZH_GLOSSARY: Array<[string, string]> = [
  ["释放", "release"],
  ["废除", "repeal"],
  ["撤销", "repeal"],
  ["取消", "repeal"],
  ["修改", "amend"],
  ["停止", "end"],
  ["终止", "end"],
  ["结束", "end"],
  ["公开", "publish"],
  ["发布", "publish"],
  ["公布", "publish"],
  ["报告", "publish"],
  ["结果", "result"],
  ["每轮", "each round"],
  ["对话", "dialogue"],
  ["听取", "hear consult"],
  ["征求", "consult"],
  ["民间团体", "civil society"],
  ["公民社会", "civil society"],
  ["非政府组织", "civil society"],
  ["特别报告员", "special rapporteur"],
  ["访问", "visit access"],
  ["律师", "lawyer"],
  ["会见", "meet"],
  ["家属", "family"],
  ["探视", "visit"],
  ["酷刑", "torture"],
  ["骚扰", "harass"],
  ["羁押", "detain"],
  ["拘押", "detain"],
  ["前", "before"],
];

export function glossaryWords(simplified: string): string {
  return ZH_GLOSSARY.filter(([zh]) => simplified.includes(zh))
    .map(([, en]) => en)
    .join(" ");
}

const ROLES = ["维权人士", "人权律师", "人权捍卫者", "活动人士", "异见人士", "公民记者", "律师", "记者", "作家", "学者", "牧师", "博主", "教师", "工人代表"];
// The commonest surnames: a name proposed beside a role starts with one of them.
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤浦桂扎".split(""),
);
// Characters that follow a name rather than belong to it.
const AFTER_NAME = new Set("被于在和与至已仍等的是因及、，。也曾现将从向对".split(""));

export interface ChineseName {
  name: string;
  role: string;
}

/** Chinese names written beside a known role, before it (陈某律师) or after it (律师陈某). */
export function chineseNamesByRole(simplified: string): ChineseName[] {
  const found: ChineseName[] = [];
  const roles = ROLES.join("|");
  for (const m of simplified.matchAll(new RegExp(`(${roles})([\\u4e00-\\u9fff]{2,3})`, "g"))) {
    let name = m[2]!;
    if (name.length === 3 && AFTER_NAME.has(name[2]!)) name = name.slice(0, 2);
    if (SURNAMES.has(name[0]!) && !AFTER_NAME.has(name[1]!)) found.push({ name, role: m[1]! });
  }
  for (const m of simplified.matchAll(new RegExp(`([\\u4e00-\\u9fff]{2,3})(${roles})`, "g"))) {
    let name = m[1]!;
    while (name.length > 2 && !SURNAMES.has(name[0]!)) name = name.slice(1);
    if (SURNAMES.has(name[0]!) && ![...name].some((c) => AFTER_NAME.has(c))) found.push({ name, role: m[2]! });
  }
  return found;
}
