// Whether the browser asking is signed in as someone who may correct records: public pages ask after
// they load (components/ui/edit-link.tsx) to show "edit" links, so the pages themselves never read the
// session and stay cacheable. The answer names no one and is never cached.
import { getSessionUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";

export { DELETE, OPTIONS, PATCH, POST, PUT } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  return Response.json({ canEdit: user ? canEdit(user) : false }, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
