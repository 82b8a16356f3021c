import "server-only";
// What an editor decides about confidential names: marking a benchmark, person or law confidential
// (its names then withheld from every public text), and the decision on one public text that names
// one (keep it withheld, hide the record, show it again). Each is audited in its own transaction.
import { and, eq, sql } from "drizzle-orm";
import { CodedRefusal } from "@/lib/refusal";
import { recordAudit } from "./audit";
import {
  countPublicTextsNaming,
  getRedaction,
  getTextRecord,
  HIDEABLE_KINDS,
  namesIn,
  parseRecordKey,
  RedactionError,
  textHash,
  type RecordKind,
  type RecordLabel,
} from "../queries/confidential-texts";
import { compileWithheldNames, listWithheldItems, parseAliases } from "../queries/withheld-names";
import { benchmarks, benchmarkSources, redactions, statements, subjectEvents, subjects } from "../schema";
import { transaction, type Executor } from "../transaction";
import { firstRow } from "../dialect";

export class ConfidentialityError extends CodedRefusal {}

/**
 * Marks a benchmark, person or law confidential or public again; a person's or law's other names
 * (one per line) replace the stored ones when given. Answers, for a newly confidential item, the
 * names now withheld and how many public texts named it, for the editor to review.
 */
export async function setConfidentiality(
  db: Executor,
  input: { target: string; confidential: "yes" | "no"; aliases: string },
  editorId: string,
): Promise<{ names: string[]; textsNamingIt: number } | undefined> {
  const [kind, slug] = input.target.split(":") as ["benchmark" | "subject", string];
  return transaction(db, async (tx) => {
    // A benchmark has no other names: its title is what is withheld.
    const row =
      kind === "benchmark"
        ? await firstRow(tx.select({ id: benchmarks.id, confidential: benchmarks.confidential, aliases: sql<string>`''` }).from(benchmarks).where(eq(benchmarks.slug, slug)).limit(1))
        : await firstRow(tx.select({ id: subjects.id, confidential: subjects.confidential, aliases: subjects.aliases }).from(subjects).where(eq(subjects.slug, slug)).limit(1));
    if (!row) throw new ConfidentialityError("chooseConfidential", "Choose an existing benchmark, person or law.");
    if (kind === "benchmark" && input.aliases) throw new ConfidentialityError("aliasesForSubjects", "Other names are for people, laws and practices; a benchmark's title is what is withheld.");
    const confidential = input.confidential === "yes";
    const storedAliases = row.aliases;
    const aliases = input.aliases ? parseAliases(input.aliases).join("\n") : storedAliases;
    if (kind === "benchmark") await tx.update(benchmarks).set({ confidential }).where(eq(benchmarks.id, row.id));
    else await tx.update(subjects).set({ confidential, aliases }).where(eq(subjects.id, row.id));
    const marked = confidential ? (await listWithheldItems(tx)).find((i) => (i.kind === "benchmark") === (kind === "benchmark") && i.id === row.id) : undefined;
    const textsNamingIt = marked ? await countPublicTextsNaming(tx, marked) : null;
    await recordAudit(tx, {
      userId: editorId,
      action: `${kind}.confidentiality`,
      entity: kind,
      entityId: row.id,
      before: { confidential: row.confidential, ...(kind === "subject" ? { aliases: storedAliases } : {}) },
      after: { confidential, ...(kind === "subject" ? { aliases } : {}), ...(marked ? { withheldNames: marked.names.length, textsNamingIt } : {}) },
    });
    return marked && { names: marked.names, textsNamingIt: textsNamingIt! };
  });
}

export type RedactionDecision = "redact" | "hide" | "show";

/** What a decision did, for the page to say in its language: the record is named by its label's parts. */
export type RedactionOutcome = { done: "reviewed" | "hiddenBenchmark" | "hidden" | "shown"; label: RecordLabel };

/**
 * An editor's decision on one text: keep the name withheld (recorded as reviewed), hide the record
 * from the public, or show a hidden record again. Audited with the state before and after.
 */
export async function decideRedaction(db: Executor, input: { record: string; field: string; decision: RedactionDecision }, userId: string): Promise<RedactionOutcome> {
  const { kind, id } = parseRecordKey(input.record);
  return transaction(db, async (tx) => {
    const record = await getTextRecord(tx, kind, id);
    if (!record) throw new RedactionError("textGone", "That text is not on the public site (any more); nothing was changed.");
    const fields: Record<string, string | null | undefined> = record.fields;
    if (!(input.field in fields)) throw new RedactionError("noSuchText", "That record has no such text.");
    const stored = fields[input.field] ?? "";
    const matcher = compileWithheldNames(await listWithheldItems(tx));
    const names = namesIn(matcher, input.field, stored).found.length;
    const previous = await getRedaction(tx, kind, id, input.field);
    const hash = textHash(stored);
    const keep = (decision: "redact" | "hide") => keepDecision(tx, { kind, id, field: input.field, decision, textHash: hash, decidedBy: userId });
    const audit = (action: string, before: object, after: object) =>
      recordAudit(tx, { userId, action: `redaction.${action}`, entity: kind, entityId: id, before: { field: input.field, ...before }, after: { field: input.field, textHash: hash, ...after } });

    if (input.decision === "redact") {
      if (names === 0) throw new RedactionError("nothingToWithhold", "This text names no confidential item now; there is nothing to withhold.");
      if (input.field === "slug") throw new RedactionError("addressNotRewritten", "An address is not rewritten: hide the record to take it off the public site.");
      await keep("redact");
      await audit("confirm", { decision: previous?.decision ?? null, textHash: previous?.textHash ?? null }, { decision: "redact" });
      return { done: "reviewed", label: record.label };
    }
    if (input.decision === "hide") {
      if (!HIDEABLE_KINDS.includes(kind)) throw new RedactionError("notHideable", "This kind of text cannot be hidden on its own; the names in it stay withheld.");
      if (record.withheld) throw new RedactionError("hiddenAlready", "That record is hidden already.");
      await setWithheld(tx, kind, id, true);
      await keep("hide");
      await audit("hide", { withheld: false, decision: previous?.decision ?? null }, { withheld: true, decision: "hide", ...(kind === "benchmark" ? { confidential: true } : {}) });
      return { done: kind === "benchmark" ? "hiddenBenchmark" : "hidden", label: record.label };
    }
    if (kind === "benchmark") throw new RedactionError("hiddenBenchmark", "A hidden benchmark is confidential: make it public again under Confidentiality.");
    if (!record.withheld) throw new RedactionError("notHidden", "That record is not hidden.");
    await setWithheld(tx, kind, id, false);
    await tx.delete(redactions).where(and(eq(redactions.recordKind, kind), eq(redactions.recordId, id), eq(redactions.decision, "hide")));
    if (names > 0) await keep("redact");
    await audit("show", { withheld: true }, { withheld: false, decision: names > 0 ? "redact" : null });
    return { done: "shown", label: record.label };
  });
}

/** One decision per record and field: a later one replaces it. */
async function keepDecision(tx: Executor, row: { kind: RecordKind; id: string; field: string; decision: "redact" | "hide"; textHash: string; decidedBy: string }): Promise<void> {
  const decided = { decision: row.decision, textHash: row.textHash, decidedBy: row.decidedBy, decidedAt: new Date().toISOString() };
  await tx
    .insert(redactions)
    .values({ recordKind: row.kind, recordId: row.id, field: row.field, ...decided })
    .onConflictDoUpdate({ target: [redactions.recordKind, redactions.recordId, redactions.field], set: decided });
}

async function setWithheld(tx: Executor, kind: RecordKind, id: string, withheld: boolean): Promise<void> {
  if (kind === "statement") await tx.update(statements).set({ withheld }).where(eq(statements.id, Number(id)));
  else if (kind === "subject_event") await tx.update(subjectEvents).set({ withheld }).where(eq(subjectEvents.id, Number(id)));
  else if (kind === "benchmark_source") {
    const [benchmarkId, statementId] = id.split(":").map(Number);
    await tx
      .update(benchmarkSources)
      .set({ withheld })
      .where(and(eq(benchmarkSources.benchmarkId, benchmarkId!), eq(benchmarkSources.statementId, statementId!)));
  } else if (kind === "benchmark") await tx.update(benchmarks).set({ confidential: withheld }).where(eq(benchmarks.id, Number(id)));
}
