// The message catalogues: both languages hold the same keys, none is empty, every key is used by the
// source, and no Chinese message is the English one left untranslated.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADDRESSEES, STATEMENT_KINDS, STATUSES, SUBJECT_EVENT_KINDS } from "@/lib/domain";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const ROOT = path.resolve(__dirname, "../..");
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
const SOURCE = ["app", "components", "server", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((file) => readFileSync(file, "utf8"));

/** Namespaces whose keys are the product's own lists, looked up with a value of that list (t(status)). */
const ENUMERATED: Record<string, readonly string[]> = { status: STATUSES, addressee: ADDRESSEES, kind: STATEMENT_KINDS, event: SUBJECT_EVENT_KINDS };

function namespacesUsed(): Set<string> {
  const used = new Set<string>();
  for (const text of SOURCE) for (const match of text.matchAll(/(?:useTranslations|getTranslations|actionTranslations)\(\s*"([\w.]+)"/g)) used.add(match[1]!);
  // A translator made with createTranslator({ namespace: "…" }).
  for (const text of SOURCE) for (const match of text.matchAll(/\bnamespace:\s*"([\w.]+)"/g)) used.add(match[1]!);
  return used;
}

/** Keys a translator is called with: t("a.b"), t.rich("a"), and templates such as t(`scale.${s}.meaning`) as patterns. */
function keysCalled(): { literal: Set<string>; patterns: RegExp[] } {
  const literal = new Set<string>();
  const patterns: RegExp[] = [];
  for (const text of SOURCE) {
    for (const match of text.matchAll(/\bt\w*(?:\.rich|\.markup|\.raw)?\(\s*"([\w.]+)"/g)) literal.add(match[1]!);
    for (const match of text.matchAll(/\bt\w*(?:\.rich|\.markup|\.raw)?\(\s*`([^`]+)`/g)) {
      patterns.push(new RegExp(`^${match[1]!.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[\\w-]+")}$`));
    }
  }
  return { literal, patterns };
}

describe("message catalogues", () => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it("hold the same keys in English and Chinese", () => {
    expect([...chinese.keys()].filter((key) => !english.has(key)), "only in zh.json").toEqual([]);
    expect([...english.keys()].filter((key) => !chinese.has(key)), "only in en.json").toEqual([]);
  });

  it("have no empty message", () => {
    for (const [name, catalogue] of [["en", english], ["zh", chinese]] as const) {
      expect([...catalogue].filter(([, value]) => value.trim() === "").map(([key]) => key), name).toEqual([]);
    }
  });

  it("use the same placeholders and tags in both languages", () => {
    const marks = (message: string) => [...new Set([...message.matchAll(/\{(\w+)|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`))].sort();
    for (const [key, message] of english) expect(marks(chinese.get(key) ?? ""), key).toEqual(marks(message));
  });

  it("translate every message that has words: none of the Chinese is the English left as it was", () => {
    const untranslated = [...english].filter(([key, message]) => /[A-Za-z]{2}/.test(message.replace(/<\/?\w+>|\{[^}]*\}/g, "")) && chinese.get(key) === message);
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it("have no unused key: each is called from the source in its namespace, or is one of the product's own lists", () => {
    const namespaces = namespacesUsed();
    const { literal, patterns } = keysCalled();
    const unused = [...english.keys()].filter((key) => {
      const [namespace, ...rest] = key.split(".");
      const leaf = rest.join(".");
      if (ENUMERATED[namespace!]) return !(namespaces.has(namespace!) && ENUMERATED[namespace!]!.includes(leaf));
      // A namespace may be a nested one (useTranslations("a.b")): try each split of the key.
      const parts = key.split(".");
      for (let i = 1; i < parts.length; i++) {
        const ns = parts.slice(0, i).join(".");
        const k = parts.slice(i).join(".");
        if (namespaces.has(ns) && (literal.has(k) || patterns.some((pattern) => pattern.test(k)))) return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });

  it("name every value of the product's lists", () => {
    for (const [namespace, values] of Object.entries(ENUMERATED)) {
      expect(Object.keys((en as unknown as Record<string, object>)[namespace]!).sort(), namespace).toEqual([...values].sort());
    }
  });
});
