import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requirePageUser("/editor/users");
  if (!canManageUsers(user)) return <EditorOnly user={user} signOut={signOut} />;
  const [accounts, security, t] = await Promise.all([listAccounts(getDb()), getSecuritySettings(getDb()), getTranslations("users")]);
  const roles = [
    { value: "reviewer", label: t("reviewer") },
    { value: "editor", label: t("editor") },
  ];
  const withoutTwoFactor = accounts.filter((a) => !a.deactivatedAt && !a.twoFactorEnabled).length;
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      <table className="mt-4 w-full max-w-5xl border-collapse text-sm" data-testid="accounts">
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="py-2 pr-3">{t("name")}</th>
            <th scope="col" className="py-2 pr-3">{t("email")}</th>
            <th scope="col" className="py-2 pr-3">{t("role")}</th>
            <th scope="col" className="py-2 pr-3">{t("twoFactor")}</th>
            <th scope="col" className="py-2">{t("access")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-stone-100 align-top" data-testid={`account-${a.email}`}>
              <td className="py-2 pr-3">
                {a.name}
                {a.id === user.id ? <span className="text-stone-600">{t("you")}</span> : null}
              </td>
              <td className="py-2 pr-3">{a.email}</td>
              <td className="py-2 pr-3">
                <ActionForm
                  action={changeUserRole}
                  testId={`role-${a.id}`}
                  submitLabel={t("changeRole")}
                  className="flex flex-wrap items-end gap-2"
                  fields={[
                    { kind: "hidden", name: "userId", value: a.id },
                    { kind: "select", name: "role", label: t("roleOf", { name: a.name }), defaultValue: a.role, options: roles },
                  ]}
                />
              </td>
              <td className="py-2 pr-3" data-testid={`two-factor-${a.email}`}>
                {a.twoFactorEnabled ? <span className="font-medium text-green-800">{t("on")}</span> : <span className="text-stone-700">{t("off")}</span>}
              </td>
              <td className="py-2">
                {a.deactivatedAt ? <p className="mb-1 font-medium text-red-800">{t("deactivatedOn", { date: a.deactivatedAt.toISOString().slice(0, 10) })}</p> : <p className="mb-1">{t("active")}</p>}
                {a.id === user.id ? null : (
                  <ActionForm
                    action={a.deactivatedAt ? reactivateUserAccount : deactivateUserAccount}
                    testId={`access-${a.id}`}
                    submitLabel={a.deactivatedAt ? t("reactivate", { name: a.name }) : t("deactivate", { name: a.name })}
                    className="flex flex-col gap-1"
                    fields={[{ kind: "hidden", name: "userId", value: a.id }]}
                  />
                )}
                {a.deactivatedAt ? null : (
                  <ActionForm
                    action={issuePasswordReset}
                    testId={`reset-${a.id}`}
                    submitLabel={t("resetFor", { name: a.name })}
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
        <h2 id="two-factor-heading" className="text-lg font-semibold">{t("twoFactorHeading")}</h2>
        <p className="mt-1 text-sm text-stone-700">
          {t.rich("twoFactorIntro", { count: withoutTwoFactor, link: (chunks) => <Link href="/account/two-factor">{chunks}</Link> })}
          {security.updatedAt ? t("lastChanged", { name: security.updatedByName ?? t("commandLine"), date: security.updatedAt.slice(0, 10) }) : ""}
        </p>
        <ActionForm
          action={setTwoFactorRequirement}
          testId="require-two-factor"
          submitLabel={t("save")}
          className="mt-2 flex flex-col gap-2"
          fields={[{ kind: "checkbox", name: "requireTwoFactor", value: "on", label: t("require"), defaultChecked: security.requireTwoFactor }]}
        />
      </section>
      <section aria-labelledby="new-user-heading" className="mt-8 max-w-md">
        <h2 id="new-user-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
        <ActionForm
          action={createUserAccount}
          testId="new-user"
          submitLabel={t("create")}
          fields={[
            { kind: "text", name: "name", label: t("name") },
            { kind: "email", name: "email", label: t("email") },
            { kind: "select", name: "role", label: t("role"), options: roles },
            { kind: "password", name: "password", label: t("initialPassword"), hint: t("initialHint") },
          ]}
        />
      </section>
    </>
  );
}
