"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importCsvFile } from "@/db/commands/import";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { describeImportSummary, MAX_PROBLEMS_SHOWN, type ImportActionState } from "@/lib/import/summary";
import { importUploadSchema } from "@/lib/validation/import";
import { actionTranslations } from "@/server/i18n/action-translations";

export const importCsvUpload = guardedAction({ permission: "edit", schema: importUploadSchema }, async ({ file }, editor): Promise<ImportActionState> => {
  const t = await actionTranslations("importPage.action");
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
      problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: t("imported", { name: file.name }), summary: describeImportSummary(result.summary) };
});
