import type { SeedOrganisation } from "@/db/seed/types";

/** The eleven governments whose ambassadors signed the letter of 27 February 2017 (the US did not). */
export const ELEVEN_GOVERNMENTS_2017 = [
  ["gov-canada", "Canada"],
  ["gov-united-kingdom", "United Kingdom"],
  ["gov-australia", "Australia"],
  ["gov-japan", "Japan"],
  ["gov-switzerland", "Switzerland"],
  ["gov-belgium", "Belgium"],
  ["gov-czech-republic", "Czech Republic"],
  ["gov-estonia", "Estonia"],
  ["gov-france", "France"],
  ["gov-germany", "Germany"],
  ["gov-sweden", "Sweden"],
] as const;

/**
 * The fifteen organisations that signed the NGO letter of 3 February 2018. They are deliberately not
 * in the letter's order: listing them in that order would repeat a long run of the letter's words.
 */
export const FIFTEEN_NGOS_2018 = [
  ["human-rights-watch", "Human Rights Watch"],
  ["china-labour-bulletin", "China Labour Bulletin"],
  ["international-commission-of-jurists", "International Commission of Jurists"],
  ["world-uyghur-congress", "World Uyghur Congress"],
  ["civicus", "CIVICUS – World Alliance for Citizen Participation"],
  ["pen-america", "PEN America"],
  ["fidh", "International Federation of Human Rights Leagues"],
  ["swedish-pen", "Swedish PEN"],
  ["ishr", "International Service for Human Rights"],
  ["tibet-advocacy-coalition", "The Tibet Advocacy Coalition"],
  ["lawyers-for-lawyers", "Lawyers for Lawyers"],
  ["human-rights-in-china", "Human Rights in China"],
  ["international-campaign-for-tibet", "International Campaign for Tibet"],
  ["lawyers-rights-watch-canada", "Lawyers Rights Watch Canada"],
  ["christian-solidarity-worldwide", "Christian Solidarity Worldwide"],
] as const;

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  ...FIFTEEN_NGOS_2018.map(([slug, name]) => ({ slug, name, kind: "ngo" as const })),
  { slug: "chinese-human-rights-defenders", name: "Chinese Human Rights Defenders (CHRD)", kind: "network" },
  { slug: "rights-defense-network", name: "Rights Defense Network (维权网)", kind: "network" },
  { slug: "china-digital-times", name: "China Digital Times", kind: "media" },
  { slug: "humanosphere", name: "Humanosphere", kind: "media" },
  ...ELEVEN_GOVERNMENTS_2017.map(([slug, name]) => ({ slug, name, kind: "government" as const })),
];
