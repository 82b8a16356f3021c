// The product's vocabulary: the values every layer (schema, seed, scoring, UI) agrees on.

export const STATUSES = ["met", "partial", "not_met", "regressed", "unknown"] as const;
export type Status = (typeof STATUSES)[number];

/** The status words in English; in Chinese they are the message catalogue's (messages/zh.json "status"), for pages and exports alike. */
export const STATUS_LABELS: Record<Status, string> = {
  met: "Met",
  partial: "Partial",
  not_met: "Not met",
  regressed: "Regressed",
  unknown: "Unknown",
};

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ADDRESSEES = [
  "chinese_government",
  "us_government",
  "both_governments",
  "un_member_states",
  "un_human_rights_council",
  "concerned_governments",
] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export const ADDRESSEE_LABELS: Record<Addressee, string> = {
  chinese_government: "Chinese government",
  us_government: "US government",
  both_governments: "Both governments (US and China)",
  un_member_states: "UN member states",
  un_human_rights_council: "UN Human Rights Council",
  concerned_governments: "Concerned governments",
};

export const STATEMENT_KINDS = [
  "civil_society_statement",
  "ngo_joint_letter",
  "ngo_press_release",
  "ngo_editorial",
  "government_letter",
  "government_statement",
  "news_report",
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_KIND_LABELS: Record<StatementKind, string> = {
  civil_society_statement: "Civil-society statement",
  ngo_joint_letter: "NGO joint letter",
  ngo_press_release: "NGO press release",
  ngo_editorial: "NGO editorial",
  government_letter: "Government letter",
  government_statement: "Government statement",
  news_report: "News report",
};

export const SUBJECT_KINDS = ["person", "law", "practice"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_EVENT_KINDS = [
  "detained",
  "disappeared",
  "house_arrest",
  "charged",
  "tried",
  "sentenced",
  "released",
  "medical_parole",
  "died",
  "adopted",
  "amended",
  "repealed",
  "in_force",
  "other",
] as const;
export type SubjectEventKind = (typeof SUBJECT_EVENT_KINDS)[number];

export const ORGANISATION_KINDS = ["ngo", "network", "government", "media", "intergovernmental"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Whether an editor has checked a statement, benchmark or source link a reviewer added. Only
 * approved rows reach the public; a rejected or merged one stays stored with the editor's reason.
 */
export const REVIEW_STATES = ["draft", "approved", "rejected", "merged"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: "Draft, awaiting an editor",
  approved: "Approved",
  rejected: "Rejected",
  merged: "Merged into an existing benchmark",
};

export const ROLES = ["editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const PUBLISHED_BASES = ["agreement", "editor"] as const;
export type PublishedBasis = (typeof PUBLISHED_BASES)[number];

/** The languages content is written in: English, and Chinese beside it where an editor wrote it. */
export const CONTENT_LANGS = ["en", "zh"] as const;
export type ContentLang = (typeof CONTENT_LANGS)[number];

/** What a release did: published a round for the first time, corrected one already public, or anything else (a merge, the first release of old data). */
export const RELEASE_KINDS = ["new-round", "correction", "other"] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
