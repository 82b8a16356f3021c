import { AccountBar } from "./account-bar";
import type { SessionUser } from "@/server/auth/session";

/** Shown to a signed-in reviewer who opens an editor page. */
export function EditorOnly({ user, signOut }: { user: SessionUser; signOut: () => Promise<void> }) {
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Editors only</h1>
      <p className="mt-2">This page is for editors. Your account is a {user.role} account; ask an editor if you need to publish or manage data.</p>
    </>
  );
}
