// A command's refusal that the interface can say in any language: its code is the key of its sentence in
// a refusal catalogue ("refusal", or "draftAnswer" for a decision on a draft), its params the values that
// sentence names. The message stays the English sentence, for logs and the command line.
import type en from "@/messages/en.json";

export type RefusalNamespace = "refusal" | "draftAnswer";
export type RefusalCode<N extends RefusalNamespace = "refusal"> = keyof (typeof en)[N] & string;

/**
 * A value of the sentence: as it is; in the catalogue's own words (the key of a word or phrase in the same
 * namespace, "person", with its own values where it has some); or a record's name in both languages (the
 * Chinese one said where the record has it).
 */
export type RefusalParam = string | number | { word: string; values?: Record<string, RefusalParam> } | { en: string; zh: string | null };

export class CodedRefusal<N extends RefusalNamespace = "refusal"> extends Error {
  constructor(
    readonly code: RefusalCode<N>,
    message: string,
    readonly params: Record<string, RefusalParam> = {},
    readonly namespace: N = "refusal" as N,
  ) {
    super(message);
  }
}
