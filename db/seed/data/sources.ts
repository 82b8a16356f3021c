import type { SeedSourceDocument } from "@/db/seed/types";

// The five public documents the seed dataset restates (files under shared/seeds). Their wording is
// never copied: titles that would repeat a long run of a document's words are given descriptively.
// No address is recorded: none is known for certain for the copies the project holds.
export const SEED_SOURCES: SeedSourceDocument[] = [
  {
    slug: "cdt-2012-talks-begin",
    file: "002_51d2231a34fdb2c0.txt",
    title: "US-China Human Rights Talks Begin in Washington",
    publisher: "China Digital Times",
    publishedOn: "2012-07-01",
    datePrecision: "month",
    url: null,
  },
  {
    slug: "hrw-2013-kunming",
    file: "001_456ec682087d33b5.txt",
    title: "Human Rights Watch press release ahead of the Kunming dialogue",
    publisher: "Human Rights Watch",
    publishedOn: "2013-07-01",
    datePrecision: "month",
    url: null,
  },
  {
    slug: "chrd-2015-two-texts",
    file: "000_0a20ef01d6eb3072.txt",
    title: "Concerns in Chinese civil society over an \u201cineffective\u201d dialogue (two translated texts)",
    publisher: "Chinese Human Rights Defenders",
    publishedOn: "2015-08-10",
    datePrecision: "day",
    url: null,
  },
  {
    slug: "humanosphere-2017-eleven-countries",
    file: "003_be24c6257d18bdaa.txt",
    // The article's own title, quoted as a citation quotes it.
    title: "Eleven governments protest the torture of detained Chinese lawyers; the United States does not join (2017 report)",
    publisher: "Humanosphere",
    publishedOn: "2017-03-21",
    datePrecision: "day",
    url: null,
  },
  {
    slug: "ngo-letter-2018-hrc37",
    file: "004_1d1bbeabe6907946.txt",
    title: "NGO joint letter to UN member states on China's human rights rollback",
    publisher: "15 non-governmental organisations (joint letter)",
    publishedOn: "2018-02-03",
    datePrecision: "day",
    url: null,
  },
];
