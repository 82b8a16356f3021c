import { useTranslations } from "next-intl";
import { AccountBar } from "./account-bar";
import type { SessionUser } from "@/server/auth/session";

/** Shown to a signed-in reviewer who opens an editor page. */
export function EditorOnly({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  const t = useTranslations("users");
  const tWorkspace = useTranslations("workspace");
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("editorsOnly")}</h1>
      <p className="mt-2">{t("editorsOnlyBody", { role: tWorkspace(`role.${user.role}`) })}</p>
    </>
  );
}
