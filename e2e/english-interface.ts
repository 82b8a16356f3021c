// Whether a Chinese page shows interface text from the English catalogue: shared by the public pages'
// test (i18n.spec.ts) and the workspace's (zh-workspace-workflow.spec.ts).
import type { Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import zh from "../messages/zh.json" with { type: "json" };

type Catalogue = { [key: string]: string | Catalogue };

/** The words of a message between its arguments and tags ("Showing {from}–{to} of …" → "Showing", "of"): what a reader would see of it. */
function fragments(message: string): string[] {
  let depth = 0;
  let text = "";
  const out: string[] = [];
  for (const char of message.replace(/<\/?\w+>/g, "\u0000")) {
    if (char === "{") {
      if (depth === 0) out.push(text);
      text = depth === 0 ? "" : text;
      depth++;
    } else if (char === "}") depth--;
    else if (depth === 0 && char === "\u0000") {
      out.push(text);
      text = "";
    } else if (depth === 0) text += char;
  }
  out.push(text);
  return out.map((f) => f.replace(/\s+/g, " ").trim()).filter((f) => /[A-Za-z]{2}/.test(f));
}

const flatten = (catalogue: Catalogue): string[] => Object.values(catalogue).flatMap((value) => (typeof value === "string" ? [value] : flatten(value)));
// Content that happens to read like an interface word (a track named as the addressee is) is the database's, not the catalogue's;
// and what both catalogues say alike (code, addresses, "Excel") is no language's.
const CONTENT_TOO = new Set(["UN Human Rights Council"]);
const CHINESE = new Set(flatten(zh as Catalogue).flatMap(fragments));
const ENGLISH = [...new Set(flatten(en as Catalogue).flatMap(fragments))].filter((f) => !CONTENT_TOO.has(f) && !CHINESE.has(f));

/**
 * What a reader sees of a page as text: its text nodes and accessible names (aria-label, title,
 * placeholder, alt), leaving out scripts and styles, anything marked lang="en" (content, not
 * interface) and, with `skipCode`, code.
 */
function visibleTexts(page: Page, { skipCode }: { skipCode: boolean }): Promise<string[]> {
  return page.evaluate((skipCode) => {
    const hidden = skipCode ? "script, style, noscript, template, code, pre, kbd" : "script, style, noscript, template";
    const skipped = (element: Element | null) => {
      const marked = element?.closest('[lang="en"]');
      return !!element?.closest(hidden) || (!!marked && marked !== document.documentElement);
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skipped(node.parentElement)) texts.push(node.textContent ?? "");
    for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (skipped(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) texts.push(element.getAttribute(name) ?? "");
    }
    return texts;
  }, skipCode);
}

/** The interface's English on a page: text nodes and accessible names equal to a catalogue fragment, or containing a long one; text marked lang="en" is content and left out. */
export async function englishInterfaceText(page: Page): Promise<string[]> {
  // Labels, headings and buttons begin with a capital; a lower-case word alone ("people") is a fragment of a sentence, as likely content as interface.
  const whole = new Set(ENGLISH.filter((f) => /^[A-Z0-9←▲▼]/.test(f)));
  const long = ENGLISH.filter((f) => f.length >= 20);
  const found = new Set<string>();
  for (const raw of await visibleTexts(page, { skipCode: false })) {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (whole.has(text)) found.add(text);
    for (const fragment of long) if (text.includes(fragment)) found.add(fragment);
  }
  return [...found];
}

/**
 * Runs of English words on a page outside anything marked lang="en" (content) and outside code: two or
 * more Latin words in a row, the shape of a sentence or a label written in the source rather than the
 * catalogue, which englishInterfaceText cannot know. Abbreviations (API, CSV) and identifiers are single
 * words and pass.
 */
export async function englishWordRuns(page: Page): Promise<string[]> {
  const run = /[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z][a-z]+)+/g;
  const found = new Set<string>();
  for (const text of await visibleTexts(page, { skipCode: true })) for (const match of text.replace(/https?:\/\/\S+/g, "").matchAll(run)) found.add(match[0]);
  return [...found];
}
