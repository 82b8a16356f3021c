import { handleApi } from "@/lib/api/handlers";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi("statements", request);
}
