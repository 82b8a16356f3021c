import { iterateScoreRows } from "@/db/queries/exports";
import { SCORE_COLUMNS } from "@/lib/export/columns";
import { csvExportRoute, SCORES_EXPORT } from "@/lib/export/routes";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/api/read-only";

export const dynamic = "force-dynamic";

export const GET = csvExportRoute({ ...SCORES_EXPORT, rows: iterateScoreRows, columns: SCORE_COLUMNS });
