import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { listAccounts } from "@/db/queries/users";
import { requirePageUser } from "@/server/auth/session";
import { canManageUsers } from "@/lib/permissions";
import { createUserAccount } from "../actions";
import { signOut } from "@/app/(workspace)/actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requirePageUser("/editor/users");
  if (!canManageUsers(user)) return <EditorOnly user={user} signOut={signOut} />;
  const accounts = await listAccounts(getDb());
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Users</h1>
      <table className="mt-4 w-full max-w-3xl border-collapse text-sm" data-testid="accounts">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Email</th>
            <th scope="col" className="py-2">Role</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-stone-100">
              <td className="py-2 pr-3">{a.name}</td>
              <td className="py-2 pr-3">{a.email}</td>
              <td className="py-2">{a.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-user-heading" className="mt-8 max-w-md">
        <h2 id="new-user-heading" className="text-lg font-semibold">Create an account</h2>
        <ActionForm
          action={createUserAccount}
          testId="new-user"
          submitLabel="Create account"
          fields={[
            { kind: "text", name: "name", label: "Name" },
            { kind: "email", name: "email", label: "Email" },
            { kind: "select", name: "role", label: "Role", options: [{ value: "reviewer", label: "Reviewer" }, { value: "editor", label: "Editor" }] },
            { kind: "password", name: "password", label: "Initial password", hint: "At least 10 characters; share it with them by a safe channel." },
          ]}
        />
      </section>
    </>
  );
}
