// The import-boundary rule of eslint.config.mjs bites: each wrong arrow fails lint, each right one passes.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The probes are not files of the TypeScript project, so the type-aware rules (which need one) are off here.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the import boundaries", () => {
  it.each([
    ["lib/probe.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["lib/probe.ts", 'import { headers } from "next/headers";\nexport const x = headers;\n'],
    ["lib/probe.ts", 'import { guarded } from "@/server/auth/guard";\nexport const x = guarded;\n'],
    ["lib/export/probe.ts", 'import { getDb } from "../../db/client";\nexport const x = getDb;\n'],
    ["db/queries/probe.ts", 'import { currentUser } from "@/server/auth/session";\nexport const x = currentUser;\n'],
    ["db/queries/probe.ts", 'import { cookies } from "next/headers";\nexport const x = cookies;\n'],
    ["server/probe.ts", 'import { AccountBar } from "@/components/review/account-bar";\nexport const x = AccountBar;\n'],
    ["components/probe.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["components/probe.tsx", 'import { guarded } from "@/server/auth/guard";\nexport const x = guarded;\n'],
    ["components/probe.tsx", 'import { signOut } from "@/app/[locale]/(workspace)/actions";\nexport const x = signOut;\n'],
  ])("refuses %s importing across a boundary (%#)", async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ["db/queries/probe.ts", 'import { summariseTally } from "@/lib/scoring";\nexport const x = summariseTally;\n'],
    ["server/probe.ts", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
    ["components/probe.tsx", 'import type { PublishedRound } from "@/db/queries/rounds";\nexport type X = PublishedRound;\n'],
    ["app/probe/page.tsx", 'import { getDb } from "@/db/client";\nexport const x = getDb;\n'],
  ])("lets %s import downwards (%#)", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
