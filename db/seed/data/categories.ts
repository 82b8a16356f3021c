import type { SeedCategory } from "../types";

export const SEED_CATEGORIES: SeedCategory[] = [
  { slug: "release-of-detained-people", name: "Release of detained people", description: "Freeing named people, or groups of people, held for peaceful activity." },
  { slug: "legal-reform", name: "Legal reform", description: "Repealing or amending named laws and articles." },
  { slug: "end-of-abusive-practices", name: "End of abusive practices", description: "Stopping practices such as secret detention, torture or the denial of medical care." },
  { slug: "protection-of-defenders", name: "Protection of defenders", description: "Keeping lawyers and activists safe, including from reprisals for speaking about the dialogue." },
  { slug: "transparency-and-reporting", name: "Transparency and reporting", description: "Telling the public what was discussed at a round and what came of it." },
  { slug: "civil-society-participation", name: "Civil-society participation", description: "Consulting civil society before a round and letting it take part." },
  { slug: "international-access-and-accountability", name: "International access and accountability", description: "Access for UN experts and sustained, collective pressure by other governments." },
  { slug: "benchmarks-and-follow-up", name: "Benchmarks and follow-up", description: "Setting concrete, public benchmarks and checking progress against them at later rounds." },
];
