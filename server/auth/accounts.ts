// Creating accounts: used by the user:create command, first-start set-up and the editor's user page.
import { z } from "zod";
import { getDb } from "@/db/client";
import { accountExistsForEmail } from "@/db/queries/users";
import { transaction, type Executor } from "@/db/transaction";
import { ROLES, type Role } from "@/lib/domain";
import { passwordSchema } from "@/lib/validation/account";
import { getAuth } from "./better-auth";

export const newAccountSchema = z.object({
  email: z.email("Enter a valid email address.").max(200).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  role: z.enum(ROLES, "Choose editor or reviewer."),
  password: passwordSchema,
});

export type NewAccount = z.input<typeof newAccountSchema>;

export class AccountExistsError extends Error {}

export interface CreatedAccount {
  id: string;
  email: string;
  role: Role;
}

/**
 * Creates a signed-in-able account through better-auth. The password is hashed first; the check for
 * the address, better-auth's rows and `alsoInTransaction` (the editor's audit entry) run as one
 * transaction, so an account never exists without its audit entry, and two requests for one address
 * cannot both succeed.
 */
export async function createAccount(input: NewAccount, alsoInTransaction?: (tx: Executor, account: CreatedAccount) => Promise<void>): Promise<CreatedAccount> {
  const account = newAccountSchema.parse(input);
  const db = getDb();
  if (await accountExistsForEmail(db, account.email)) throw new AccountExistsError(`An account for ${account.email} already exists.`);
  const ctx = await getAuth().$context;
  const hash = await ctx.password.hash(account.password);
  // better-auth's drizzle adapter writes on the app's connection, so its inserts join this transaction.
  return transaction(db, async (tx) => {
    if (await accountExistsForEmail(tx, account.email)) throw new AccountExistsError(`An account for ${account.email} already exists.`);
    const user = await ctx.internalAdapter.createUser({ email: account.email, name: account.name, emailVerified: true, role: account.role }, { method: "admin" });
    await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
    const created = { id: user.id, email: account.email, role: account.role };
    await alsoInTransaction?.(tx, created);
    return created;
  });
}
