import { countScoreRows, iterateScoreRows } from "@/db/queries/exports";
import { scoreColumns } from "@/lib/export/columns";
import { xlsxExportRoute, SCORES_EXPORT } from "@/server/exports/routes";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export const GET = xlsxExportRoute({ ...SCORES_EXPORT, rows: iterateScoreRows, count: countScoreRows, columns: scoreColumns });
