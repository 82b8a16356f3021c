import type { SeedCategory } from "@/db/seed/types";

// The starting taxonomy of DESIGN.md, in its order; editors can add more.
export const SEED_CATEGORIES: SeedCategory[] = [
  {
    slug: "release-of-detained-people",
    name: "Release of detained people",
    nameZh: "释放被拘押者",
    description: "Freeing named people, or groups of people, held for peaceful activity, including release on medical grounds.",
  },
  {
    slug: "legal-reform",
    name: "Legal reform",
    nameZh: "法律改革",
    description: "Repealing or amending named laws and articles, or abolishing systems of detention set up by law.",
  },
  {
    slug: "end-of-abusive-practices",
    name: "End of abusive practices",
    nameZh: "终止侵权做法",
    description: "Stopping practices such as secret detention, torture, black jails or the denial of medical care.",
  },
  {
    slug: "protection-of-defenders",
    name: "Protection of defenders",
    nameZh: "保护人权捍卫者",
    description: "Keeping lawyers and activists safe, including from reprisals for speaking about the dialogue or the UN review.",
  },
  {
    slug: "transparency-and-reporting",
    name: "Transparency and reporting",
    nameZh: "透明与公开报告",
    description: "Telling the public what was discussed at a round, which cases were raised and what came of it.",
  },
  {
    slug: "civil-society-participation",
    name: "Civil-society participation",
    nameZh: "公民社会参与",
    description: "Consulting civil society before a round and letting it take part in the dialogue and the UN review.",
  },
  {
    slug: "international-access-and-accountability",
    name: "International access and accountability",
    nameZh: "国际准入与问责",
    description: "Access for UN experts and sustained, collective pressure by other governments at the UN.",
  },
  {
    slug: "benchmarks-and-follow-up",
    name: "Benchmarks and follow-up",
    nameZh: "基准与后续跟进",
    description: "Setting concrete, public benchmarks and commitments and checking progress against them at later rounds.",
  },
];
