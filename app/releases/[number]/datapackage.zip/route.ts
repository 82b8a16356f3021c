import { parseReleaseParam } from "@/lib/releases";
import { answerDataPackage } from "@/server/releases/data-package";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  return answerDataPackage(parseReleaseParam((await params).number) ?? null);
}
