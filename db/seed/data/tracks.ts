import type { SeedRound, SeedTrack } from "@/db/seed/types";

export const SEED_TRACKS: SeedTrack[] = [
  {
    slug: "us-china-dialogue",
    name: "US–China Human Rights Dialogue",
    shortName: "US–China",
    description: "Bilateral talks on human rights between the US and Chinese governments, held about once a year until 2015.",
  },
  {
    slug: "un-hrc",
    name: "UN Human Rights Council",
    shortName: "HRC",
    description: "Regular sessions of the UN Human Rights Council in Geneva, where member states can raise China's record, alone or jointly.",
  },
  {
    slug: "upr",
    name: "Universal Periodic Review",
    shortName: "UPR",
    description: "The UN's peer review of every member state's human-rights record, held for each state roughly every five years.",
  },
];

// The combined timeline: every round of every track, ordered by start date. For month precision the
// start date is the first of the month and the end date is left open.
export const SEED_ROUNDS: SeedRound[] = [
  {
    slug: "uschrd-2012-washington",
    trackSlug: "us-china-dialogue",
    name: "2012 US–China dialogue, Washington",
    location: "Washington, DC",
    startDate: "2012-07-01",
    endDate: null,
    datePrecision: "month",
    dateNote:
      "The China Digital Times round-up says the two-day talks opened in Washington on a Monday in late July 2012 but gives no day, so only the month is recorded.",
    sourceSlug: "cdt-2012-talks-begin",
  },
  {
    slug: "uschrd-2013-kunming",
    trackSlug: "us-china-dialogue",
    name: "2013 US–China dialogue, Kunming",
    location: "Kunming, Yunnan",
    startDate: "2013-07-30",
    endDate: "2013-07-31",
    datePrecision: "day",
    dateNote: "Both days are given in the Human Rights Watch release written before the round.",
    sourceSlug: "hrw-2013-kunming",
  },
  {
    slug: "uschrd-2015-washington",
    trackSlug: "us-china-dialogue",
    name: "2015 US–China dialogue, Washington",
    location: "Washington, DC",
    startDate: "2015-08-13",
    endDate: "2015-08-14",
    datePrecision: "day",
    dateNote: "Both days are given in the two texts CHRD published in translation on 10 August 2015.",
    sourceSlug: "chrd-2015-two-texts",
  },
  {
    slug: "hrc-31",
    trackSlug: "un-hrc",
    name: "Human Rights Council, 31st session",
    location: "Geneva",
    startDate: "2016-03-01",
    endDate: null,
    datePrecision: "month",
    dateNote:
      "Dated by the month in which, according to the 2018 NGO letter, twelve states made their joint statement on China (March 2016); the session's exact days are not recorded here.",
    sourceSlug: "ngo-letter-2018-hrc37",
  },
  {
    slug: "hrc-34",
    trackSlug: "un-hrc",
    name: "Human Rights Council, 34th session",
    location: "Geneva",
    startDate: "2017-02-27",
    endDate: "2017-03-24",
    datePrecision: "day",
    dateNote:
      "Session dates are public record. The eleven ambassadors' letter reported by Humanosphere is dated 27 February 2017, the session's opening day.",
    sourceSlug: "humanosphere-2017-eleven-countries",
  },
  {
    slug: "hrc-37",
    trackSlug: "un-hrc",
    name: "Human Rights Council, 37th session",
    location: "Geneva",
    startDate: "2018-02-26",
    endDate: "2018-03-23",
    datePrecision: "day",
    dateNote: "Session dates are public record; the NGO letter of 3 February 2018 was written for this session.",
    sourceSlug: "ngo-letter-2018-hrc37",
  },
  {
    slug: "upr-china-2018",
    trackSlug: "upr",
    name: "China's Universal Periodic Review, 2018",
    location: "Geneva",
    startDate: "2018-11-01",
    endDate: null,
    datePrecision: "month",
    dateNote: "The 2018 NGO letter gives the review as due in November 2018; only the month is recorded.",
    sourceSlug: "ngo-letter-2018-hrc37",
  },
];
