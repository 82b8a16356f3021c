// On first start, SCORECARD_EDITOR_EMAIL and SCORECARD_EDITOR_PASSWORD create the first editor if no
// editor exists yet, so a fresh deployment can be signed into without a separate command.
import { getDb } from "@/db/client";
import { hasRealEditor } from "@/db/queries/users";
import { createAccount } from "./accounts";

export async function ensureFirstEditor(env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const email = env.SCORECARD_EDITOR_EMAIL;
  const password = env.SCORECARD_EDITOR_PASSWORD;
  if (!email || !password) return null;
  if (await hasRealEditor(getDb())) return null;
  const account = await createAccount({ email, password, role: "editor", name: env.SCORECARD_EDITOR_NAME ?? "Editor" });
  return account.email;
}
