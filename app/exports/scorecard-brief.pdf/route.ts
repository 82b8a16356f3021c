import { scorecardPdfRoute } from "@/server/exports/scorecard-pdf";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export const GET = scorecardPdfRoute("brief");
