import { Link } from "@/components/ui/navigation";
import type { SessionUser } from "@/server/auth/session";
import { canEdit, canManageUsers, canViewAudit } from "@/lib/permissions";

/** The workspace's navigation and the signed-in user, with the sign-out server action the page passes in. */
export function AccountBar({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-4 py-2 text-sm">
      <nav aria-label="Workspace">
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/review">Review queue</Link>
          </li>
          <li>
            <Link href="/review/statements/new">Add a statement</Link>
          </li>
          {canEdit(user) && (
            <>
              <li>
                <Link href="/editor">Editor</Link>
              </li>
              <li>
                <Link href="/editor/reference">Reference data</Link>
              </li>
            </>
          )}
          {canManageUsers(user) && (
            <li>
              <Link href="/editor/users">Users</Link>
            </li>
          )}
          {canViewAudit(user) && (
            <li>
              <Link href="/editor/audit">Audit log</Link>
            </li>
          )}
        </ul>
      </nav>
      <form action={signOut} className="flex items-center gap-3">
        <span>
          Signed in as <strong>{user.name}</strong> ({user.role})
        </span>
        <Link href="/account">Your account</Link>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1 hover:bg-stone-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
