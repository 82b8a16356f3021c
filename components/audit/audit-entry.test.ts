// Every action the code writes to the audit log reads as words there, not as its key, in both languages (the catalogues' auditAction).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The action keys written by recordAudit calls: literal `action: "…"`, and the redaction decisions' `audit("…"`. */
function recordedActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of ["db", "server", "app"].flatMap(sources)) {
    const text = readFileSync(file, "utf8");
    for (const [, action] of text.matchAll(/\baction: "([a-z_.-]+)"/g)) actions.add(action!);
    if (text.includes("`redaction.${action}`")) for (const [, decision] of text.matchAll(/\baudit\("([a-z]+)"/g)) actions.add(`redaction.${decision}`);
    if (text.includes("`${kind}.confidentiality`")) for (const kind of ["benchmark", "subject"]) actions.add(`${kind}.confidentiality`);
  }
  return actions;
}

describe("the audit log's words", () => {
  it("name every action the code records", () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(20);
    for (const [name, catalogue] of [["en", en.auditAction], ["zh", zh.auditAction]] as const) {
      const words = (action: string) => action.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), catalogue);
      expect([...actions].filter((a) => typeof words(a) !== "string").sort(), name).toEqual([]);
    }
  });
});
