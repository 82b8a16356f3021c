import type { ElementType } from "react";
import { contentLang, detectTextLang } from "@/lib/localized";

/** A release's note as its editor wrote it (or the system, in English): marked with its language where that is not the page's. */
export function ReleaseNote({ note, locale, as: Tag = "span", className }: { note: string; locale: string; as?: ElementType; className?: string }) {
  const lang = detectTextLang(note);
  return lang === contentLang(locale) ? <Tag className={className}>{note}</Tag> : <Tag lang={lang} className={className}>{note}</Tag>;
}
