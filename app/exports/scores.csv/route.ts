import { iterateScoreRows } from "@/db/queries/exports";
import { scoreColumns } from "@/lib/export/columns";
import { csvExportRoute, SCORES_EXPORT } from "@/server/exports/routes";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export const GET = csvExportRoute({ ...SCORES_EXPORT, rows: iterateScoreRows, columns: scoreColumns });
