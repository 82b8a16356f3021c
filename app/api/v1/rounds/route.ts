import { handleApi } from "@/lib/api/handlers";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/lib/api/read-only";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi("rounds", request);
}
