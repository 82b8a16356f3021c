// What an imported CSV row must look like, in the shape the CSV exports write. A cell of a column the
// file leaves out is undefined: "no claim". The database checks (does the round exist, does the
// benchmark agree with the stored one) come after, in db/import.
import { z } from "zod";
import { ADDRESSEE_LABELS, ADDRESSEES, STATUS_LABELS, STATUSES, type Addressee, type Status } from "../domain";
import { evidenceUrlSchema } from "./assessment";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "5 MB";

/** The upload form: one file, no larger than the limit. */
export const importUploadSchema = z.object({
  file: z
    .file("Choose a CSV file to import.")
    // A form submitted with nothing chosen still sends a nameless, empty file.
    .refine((f) => f.size > 0 || f.name !== "", { message: "Choose a CSV file to import.", abort: true })
    .min(1, "The file is empty.")
    .max(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_LABEL}: split it into smaller files, or import it on the server with npm run import.`),
});

/** How several names share one cell in the exports. */
export const LIST_SEPARATOR = " | ";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const cell = z.string().optional();
const trimmed = cell.transform((v) => (v === undefined ? undefined : v.trim()));

const requiredText = (what: string, max: number) =>
  trimmed.pipe(z.string(`${what} is missing.`).min(1, `${what} is empty.`).max(max, `${what} is longer than ${max} characters.`));

/** Empty or left out: no claim. */
const optionalText = (what: string, max: number) =>
  trimmed.transform((v) => v || undefined).pipe(z.string().max(max, `${what} is longer than ${max} characters.`).optional());

const slugCell = (what: string) =>
  requiredText(what, 120).pipe(z.string().regex(SLUG, `${what} must be lower-case letters, digits and hyphens, e.g. release-gui-minhai.`));

const isoDate = (what: string) => z.string().regex(ISO_DATE, `${what} must be a date like 2018-11-06.`);

/** A list cell: undefined when the column is left out, [] when it is empty. */
const listCell = (what: string) =>
  cell.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const items = [...new Set(v.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean))];
    if (items.length > 100) ctx.addIssue({ code: "custom", message: `${what} names more than 100 entries.` });
    if (items.some((s) => s.length > 300)) ctx.addIssue({ code: "custom", message: `${what} has an entry longer than 300 characters.` });
    return items;
  });

/** What the benchmarks export writes for a benchmark assessed at every track's rounds. */
export const ALL_TRACKS = "All tracks";

/** The tracks a benchmark is assessed at, by name or ID; [] for every track (the cell empty or "All tracks"). */
const scopeCell = listCell("Assessed at").transform((items) => (items === undefined ? undefined : items.length === 1 && items[0]!.toLowerCase() === ALL_TRACKS.toLowerCase() ? [] : items));

function matchLabel<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>): T | undefined {
  const wanted = value.trim().toLowerCase();
  return codes.find((c) => c === wanted || labels[c].toLowerCase() === wanted);
}

const addresseeCell = cell.transform((v, ctx): Addressee | undefined => {
  if (v === undefined || v.trim() === "") return undefined;
  const code = matchLabel(v, ADDRESSEES, ADDRESSEE_LABELS);
  if (!code) ctx.addIssue({ code: "custom", message: `“${v.trim()}” is not one of: ${ADDRESSEES.map((a) => ADDRESSEE_LABELS[a]).join(", ")}.` });
  return code;
});

export const benchmarkRowSchema = z
  .object({
    benchmark: requiredText("The title", 200),
    benchmark_id: slugCell("The benchmark ID"),
    category: requiredText("The category", 120),
    addressee: addresseeCell,
    applies_from: requiredText("The round it applies from", 200),
    assessed_at: scopeCell,
    retired_on: trimmed.refine((v) => !v || ISO_DATE.test(v), "Retired on must be a date like 2018-11-06."),
    retired_reason: trimmed.pipe(z.string().max(500, "Why retired is longer than 500 characters.").optional()),
    sources: listCell("Raised by"),
    people: listCell("People"),
    laws: listCell("Laws and practices"),
  })
  .superRefine((row, ctx) => {
    if (row.addressee === undefined) ctx.addIssue({ code: "custom", path: ["addressee"], message: "Say whom the demand is addressed to." });
    if (row.retired_on && !row.retired_reason) ctx.addIssue({ code: "custom", path: ["retired_reason"], message: "A retired benchmark needs the reason it was retired." });
    if (row.retired_reason && !row.retired_on) ctx.addIssue({ code: "custom", path: ["retired_on"], message: "A reason is given but no date of retirement." });
  })
  .transform((row) => ({
    slug: row.benchmark_id,
    title: row.benchmark,
    category: row.category,
    addressee: row.addressee!,
    appliesFrom: row.applies_from,
    /** Track names or IDs; [] every track; undefined: the column is left out. */
    assessedAt: row.assessed_at,
    /** undefined: the column is left out; null: not retired. */
    retiredOn: row.retired_on === undefined ? undefined : row.retired_on || null,
    retiredReason: row.retired_reason === undefined ? undefined : row.retired_reason || null,
    sources: row.sources,
    people: row.people,
    laws: row.laws,
  }));

export type BenchmarkImportRow = z.output<typeof benchmarkRowSchema>;

/** "Title <https://…> | Title <https://…>", as the score export writes evidence links. */
export function parseEvidenceCell(value: string): { links: Array<{ title: string; url: string }>; problems: string[] } {
  const links: Array<{ title: string; url: string }> = [];
  const problems: string[] = [];
  const items = value.trim() === "" ? [] : value.trim().split(/(?<=>)\s*\|\s*/);
  items.forEach((item, i) => {
    const match = /^(.*?)\s*<([^<>\s]+)>$/s.exec(item.trim());
    if (!match) return problems.push(`Evidence ${i + 1} must look like “Title <https://…>”.`);
    const [, title = "", url = ""] = match;
    const parsedUrl = evidenceUrlSchema.safeParse(url);
    if (!parsedUrl.success) problems.push(`Evidence ${i + 1}: ${parsedUrl.error.issues[0]?.message ?? "not a web address."}`);
    if (!title || title.length > 300) problems.push(`Evidence ${i + 1} needs a title of up to 300 characters.`);
    if (parsedUrl.success && title && title.length <= 300) links.push({ title, url: parsedUrl.data });
  });
  if (items.length > 20) problems.push("At most 20 evidence links per score.");
  return { links, problems };
}

export const scoreRowSchema = z
  .object({
    round: optionalText("The round's name", 200),
    round_id: slugCell("The round ID"),
    round_start: trimmed.transform((v) => v || undefined).pipe(isoDate("Round start").optional()),
    track: optionalText("The track", 200),
    benchmark: optionalText("The benchmark's title", 200),
    benchmark_id: slugCell("The benchmark ID"),
    category: optionalText("The category", 120),
    addressee: addresseeCell,
    status: trimmed,
    status_code: trimmed,
    basis: cell,
    rationale: requiredText("The rationale", 4000).pipe(z.string().min(10, "The rationale needs at least 10 characters.")),
    evidence: cell.transform((v, ctx) => {
      const { links, problems } = parseEvidenceCell(v ?? "");
      for (const message of problems) ctx.addIssue({ code: "custom", message });
      return links;
    }),
    sources: listCell("Raised by"),
    people: listCell("People"),
    laws: listCell("Laws and practices"),
    demo: trimmed.transform((v, ctx) => {
      const value = (v ?? "").toLowerCase();
      if (value !== "" && value !== "yes" && value !== "no") ctx.addIssue({ code: "custom", message: "Demo data must be yes or no." });
      return value === "yes";
    }),
    data_version: cell,
  })
  .transform((row, ctx) => {
    const fromCode = row.status_code ? STATUSES.find((s) => s === row.status_code) : undefined;
    const fromLabel = row.status ? matchLabel(row.status, STATUSES, STATUS_LABELS) : undefined;
    const scale = STATUSES.map((s) => `${s} (${STATUS_LABELS[s]})`).join(", ");
    if (row.status_code && !fromCode) ctx.addIssue({ code: "custom", path: ["status_code"], message: `“${row.status_code}” is not a status: use one of ${scale}.` });
    if (row.status && !fromLabel) ctx.addIssue({ code: "custom", path: ["status"], message: `“${row.status}” is not a status: use one of ${scale}.` });
    if (fromCode && fromLabel && fromCode !== fromLabel) ctx.addIssue({ code: "custom", path: ["status"], message: `The status “${row.status}” and the status code “${row.status_code}” disagree.` });
    if (!row.status && !row.status_code) ctx.addIssue({ code: "custom", path: ["status_code"], message: "The status is empty." });
    const status: Status | undefined = fromCode ?? fromLabel;
    return {
      roundSlug: row.round_id,
      roundName: row.round,
      roundStart: row.round_start,
      track: row.track,
      benchmark: { slug: row.benchmark_id, title: row.benchmark, category: row.category, addressee: row.addressee, sources: row.sources, people: row.people, laws: row.laws },
      status: status!,
      rationale: row.rationale,
      evidence: row.evidence,
      demo: row.demo,
    };
  });

export type ScoreImportRow = z.output<typeof scoreRowSchema>;
