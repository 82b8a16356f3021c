// A command's refusal that the interface can say in any language: its code is the key of its sentence in
// the "refusal" catalogue, its params the values that sentence names. The message stays the English
// sentence, for logs and the command line.
import type en from "@/messages/en.json";

export type RefusalCode = keyof (typeof en)["refusal"];

export class CodedRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
