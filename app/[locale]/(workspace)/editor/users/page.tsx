import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { getDb } from "@/db/client";
import { getSecuritySettings } from "@/db/queries/security-settings";
import { listAccounts } from "@/db/queries/users";
import { requirePageUser } from "@/server/auth/session";
import { canManageUsers } from "@/lib/permissions";
import { changeUserRole, createUserAccount, deactivateUserAccount, issuePasswordReset, reactivateUserAccount, setTwoFactorRequirement } from "../actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requirePageUser("/editor/users");
  if (!canManageUsers(user)) return <EditorOnly user={user} signOut={signOut} />;
  const [accounts, security] = await Promise.all([listAccounts(getDb()), getSecuritySettings(getDb())]);
  const withoutTwoFactor = accounts.filter((a) => !a.deactivatedAt && !a.twoFactorEnabled).length;
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-700">
        Deactivating an account ends its sessions at once and refuses its sign-in until it is reactivated; its scores and history keep its name. A role change
        takes effect on the account&apos;s next request. A reset link sets a new password once within 24 hours and ends the account&apos;s sessions; it is shown only once.
      </p>
      <table className="mt-4 w-full max-w-5xl border-collapse text-sm" data-testid="accounts">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Email</th>
            <th scope="col" className="py-2 pr-3">Role</th>
            <th scope="col" className="py-2 pr-3">Two-factor</th>
            <th scope="col" className="py-2">Access</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-stone-100 align-top" data-testid={`account-${a.email}`}>
              <td className="py-2 pr-3">
                {a.name}
                {a.id === user.id ? <span className="text-stone-600"> (you)</span> : null}
              </td>
              <td className="py-2 pr-3">{a.email}</td>
              <td className="py-2 pr-3">
                <ActionForm
                  action={changeUserRole}
                  testId={`role-${a.id}`}
                  submitLabel="Change role"
                  className="flex flex-wrap items-end gap-2"
                  fields={[
                    { kind: "hidden", name: "userId", value: a.id },
                    { kind: "select", name: "role", label: `Role of ${a.name}`, defaultValue: a.role, options: [{ value: "reviewer", label: "Reviewer" }, { value: "editor", label: "Editor" }] },
                  ]}
                />
              </td>
              <td className="py-2 pr-3" data-testid={`two-factor-${a.email}`}>
                {a.twoFactorEnabled ? <span className="font-medium text-green-800">✓ On</span> : <span className="text-stone-700">– Off</span>}
              </td>
              <td className="py-2">
                {a.deactivatedAt ? <p className="mb-1 font-medium text-red-800">Deactivated on {a.deactivatedAt.toISOString().slice(0, 10)}</p> : <p className="mb-1">Active</p>}
                {a.id === user.id ? null : (
                  <ActionForm
                    action={a.deactivatedAt ? reactivateUserAccount : deactivateUserAccount}
                    testId={`access-${a.id}`}
                    submitLabel={a.deactivatedAt ? `Reactivate ${a.name}` : `Deactivate ${a.name}`}
                    className="flex flex-col gap-1"
                    fields={[{ kind: "hidden", name: "userId", value: a.id }]}
                  />
                )}
                {a.deactivatedAt ? null : (
                  <ActionForm
                    action={issuePasswordReset}
                    testId={`reset-${a.id}`}
                    submitLabel={`Reset link for ${a.name}`}
                    className="mt-2 flex flex-col gap-1 break-all"
                    fields={[{ kind: "hidden", name: "userId", value: a.id }]}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="two-factor-heading" className="mt-8 max-w-2xl">
        <h2 id="two-factor-heading" className="text-lg font-semibold">Two-factor sign-in</h2>
        <p className="mt-1 text-sm text-stone-700">
          Each person sets it up for their own account at <Link href="/account/two-factor">/account/two-factor</Link>. When it is required, an account without it is sent there on its
          next request and can do nothing else until it has set it up; nobody can then turn it off. {withoutTwoFactor === 1 ? "1 active account has" : `${withoutTwoFactor} active accounts have`} it off.
          {security.updatedAt ? ` Last changed by ${security.updatedByName ?? "the command line"} on ${security.updatedAt.slice(0, 10)}.` : ""}
        </p>
        <ActionForm
          action={setTwoFactorRequirement}
          testId="require-two-factor"
          submitLabel="Save"
          className="mt-2 flex flex-col gap-2"
          fields={[{ kind: "checkbox", name: "requireTwoFactor", value: "on", label: "Require two-factor sign-in for every account", defaultChecked: security.requireTwoFactor }]}
        />
      </section>
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
