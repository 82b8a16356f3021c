"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importCsvFile } from "@/db/commands/import";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { MAX_PROBLEMS_SHOWN, type ImportActionState } from "@/lib/import/summary";
import { importUploadSchema } from "@/lib/validation/import";
import { actionTranslations } from "@/server/i18n/action-translations";
import { localizeImportProblem } from "@/server/i18n/import-problems";
import { describeImportSummary } from "@/server/i18n/import-summary";

export const importCsvUpload = guardedAction({ permission: "edit", schema: importUploadSchema }, async ({ file }, editor, { locale }): Promise<ImportActionState> => {
  const t = await actionTranslations("importPage.action", locale);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new ActionError(t("notUtf8", { name: file.name }));
  }
  const result = await importCsvFile(getDb(), text, { id: editor.id }, file.name);
  if (!result.ok) {
    const n = result.problems.length;
    const shown = n > MAX_PROBLEMS_SHOWN ? t("firstShown", { shown: MAX_PROBLEMS_SHOWN }) : "";
    return {
      ok: false,
      message: `${t("rejected", { name: file.name, count: n })}${shown}`,
      problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => ({ line: p.line, message: localizeImportProblem(p.message, locale) })),
    };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: t("imported", { name: file.name }), summary: describeImportSummary(result.summary, locale) };
});
