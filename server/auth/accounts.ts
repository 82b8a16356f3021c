// Creating accounts: used by the user:create command, first-start set-up and the editor's user page.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { ROLES } from "@/lib/domain";
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

export async function createAccount(input: NewAccount): Promise<{ id: string; email: string; role: string }> {
  const account = newAccountSchema.parse(input);
  const db = getDb();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) {
    throw new AccountExistsError(`An account for ${account.email} already exists.`);
  }
  const ctx = await getAuth().$context;
  const hash = await ctx.password.hash(account.password);
  const user = await ctx.internalAdapter.createUser(
    { email: account.email, name: account.name, emailVerified: true, role: account.role },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  return { id: user.id, email: account.email, role: account.role };
}
