// npm run user:create -- --email ed@example.org --role editor [--name "Ed Itor"] [--password …]
// Without --password a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareDatabase } from "@/db/prepare";
import { AccountExistsError, createAccount } from "@/server/auth/accounts";
import { databaseFile } from "@/lib/env";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});

if (!values.email || !values.role) {
  console.error("Usage: npm run user:create -- --email someone@example.org --role editor|reviewer [--name \"Name\"] [--password …]");
  process.exit(2);
}

await prepareDatabase(databaseFile());
const password = values.password ?? randomBytes(12).toString("base64url");
try {
  const account = await createAccount({ email: values.email, role: values.role as "editor", name: values.name ?? values.email.split("@")[0]!, password });
  console.log(`Created ${account.role} ${account.email}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
} catch (error) {
  if (error instanceof z.ZodError) {
    console.error(Object.values(z.flattenError(error).fieldErrors).flat().join("\n"));
  } else if (error instanceof AccountExistsError) {
    console.error(error.message);
  } else {
    throw error;
  }
  process.exit(1);
}
