import { handleApi } from "@/server/api/handlers";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi("releases", request);
}
