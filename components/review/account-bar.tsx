import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import type { SessionUser } from "@/server/auth/session";
import { canEdit, canManageUsers, canViewAudit } from "@/lib/permissions";

/** The workspace's navigation and the signed-in user, with the sign-out server action the page passes in. */
export function AccountBar({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  const t = useTranslations("workspace");
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-4 py-2 text-sm">
      <nav aria-label={t("bar.nav")}>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/review">{t("bar.queue")}</Link>
          </li>
          <li>
            <Link href="/review/statements/new">{t("bar.addStatement")}</Link>
          </li>
          {canEdit(user) && (
            <>
              <li>
                <Link href="/editor">{t("bar.editor")}</Link>
              </li>
              <li>
                <Link href="/editor/reference">{t("bar.reference")}</Link>
              </li>
            </>
          )}
          {canManageUsers(user) && (
            <li>
              <Link href="/editor/users">{t("bar.users")}</Link>
            </li>
          )}
          {canViewAudit(user) && (
            <li>
              <Link href="/editor/audit">{t("bar.audit")}</Link>
            </li>
          )}
        </ul>
      </nav>
      <form action={signOut} className="flex items-center gap-3">
        <span>{t.rich("bar.signedInAs", { name: user.name, role: t(`role.${user.role}`), strong: (chunks) => <strong>{chunks}</strong> })}</span>
        <Link href="/account">{t("bar.account")}</Link>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
          {t("bar.signOut")}
        </button>
      </form>
    </div>
  );
}
