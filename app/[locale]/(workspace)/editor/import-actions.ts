"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { importCsvFile } from "@/db/commands/import";
import { ActionError, guardedAction } from "@/server/auth/guard";
import { describeImportSummary, MAX_PROBLEMS_SHOWN, type ImportActionState } from "@/lib/import/summary";
import { importUploadSchema } from "@/lib/validation/import";

export const importCsvUpload = guardedAction({ permission: "edit", schema: importUploadSchema }, async ({ file }, editor): Promise<ImportActionState> => {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new ActionError(`“${file.name}” is not UTF-8 text: save it as “CSV UTF-8” and upload it again. Nothing was imported.`);
  }
  const result = await importCsvFile(getDb(), text, { id: editor.id }, file.name);
  if (!result.ok) {
    const n = result.problems.length;
    const shown = n > MAX_PROBLEMS_SHOWN ? ` The first ${MAX_PROBLEMS_SHOWN} are listed.` : "";
    return {
      ok: false,
      message: `Nothing was imported from “${file.name}”: ${n === 1 ? "1 row needs" : `${n} rows need`} correcting. Correct the file and upload all of it again.${shown}`,
      problems: result.problems.slice(0, MAX_PROBLEMS_SHOWN),
    };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: `Imported “${file.name}”.`, summary: describeImportSummary(result.summary) };
});
