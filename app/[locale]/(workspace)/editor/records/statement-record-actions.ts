"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { EditConflictError } from "@/db/commands/record-edits";
import { editBenchmark, editStatement, mergeBenchmarks, RecordEditError } from "@/db/commands/record-edits-statements";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { actionLocale } from "@/server/i18n/action-locale";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeRefusal } from "@/server/i18n/refusals";
import { editBenchmarkSchema, editStatementSchema, mergeBenchmarkSchema } from "@/lib/validation/records-statements";

/** A refusal the command explains in words (a stale form included): the form shows it and keeps what was sent. */
async function refused(error: unknown): Promise<never> {
  if (error instanceof RecordEditError || error instanceof EditConflictError) throw new ActionError(localizeRefusal(error, await actionLocale()));
  throw error;
}

// Public pages show a correction at once (they are rendered per request; cached figures follow the data version).
const refresh = () => revalidatePath("/", "layout");

export const editStatementRecord = guardedAction({ permission: "edit", schema: editStatementSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("recordPage", locale);
  const { changes } = await editStatement(getDb(), input, editor.id).catch(refused);
  refresh();
  return { ok: true, message: changes.length === 0 ? t("nothingChanged") : t("statement.saved", { title: input.title }) };
});

export const editBenchmarkRecord = guardedAction({ permission: "edit", schema: editBenchmarkSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("recordPage", locale);
  const { changes, hiddenBecause } = await editBenchmark(getDb(), input, editor.id).catch(refused);
  refresh();
  if (changes.length === 0) return { ok: true, message: t("nothingChanged") };
  const why = hiddenBecause === "confidential" ? t("benchmark.nowConfidential") : hiddenBecause === "unpublished" ? t("benchmark.nowUnpublished") : "";
  return { ok: true, message: `${t("benchmark.saved", { title: input.title })}${why}` };
});

export const mergeBenchmarkRecord = guardedAction({ permission: "edit", schema: mergeBenchmarkSchema }, async (input, editor, { locale }) => {
  const t = await actionTranslations("recordPage", locale);
  const result = await mergeBenchmarks(getDb(), input, editor.id).catch(refused);
  refresh();
  const rounds = (names: string[]) => names.join(t("listSeparator"));
  const moved = result.roundsMoved.length ? t("benchmark.merged.roundsMoved", { rounds: rounds(result.roundsMoved) }) : "";
  const kept = result.roundsKept.length ? t("benchmark.merged.roundsKept", { rounds: rounds(result.roundsKept) }) : "";
  return { ok: true, message: `${t("benchmark.merged.done", { from: result.fromTitle, into: result.intoTitle, count: result.sourcesMoved })}${moved}${kept}${t("benchmark.merged.address")}` };
});
