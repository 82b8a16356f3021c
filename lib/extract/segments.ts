// Cuts a statement into the pieces the extractor reads: list items (wrapped lines joined) and
// sentences, in English (. ! ?) and Chinese (。！？；, list markers 一、 （一） 1、).
import { ZH_LIST_MARKER } from "./chinese";

export interface Piece {
  text: string;
  listItem: boolean;
  /** Consecutive list items share a block number; prose pieces have none. */
  block: number | null;
  /** The line that introduced the list ("We ask the government to:"), for list items. */
  leadIn: string | null;
  paragraph: number;
}

const EN_LIST_MARKER = /^\s*(?:\d{1,2}[.)]|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{0,3}|ix|x)[.)]|[-*•·–])\s+/i;
// A full stop after these is not the end of a sentence.
const SENTENCE_END = /(?<=[。！？；])\s*|(?<!\b(?:[A-Z]|Mr|Ms|Mrs|Dr|St|No|e\.g|i\.e|etc))(?<=[.!?])\s+/;
// "（一）…；（二）…" on one line: each marker starts an item of its own.
const INLINE_ZH_MARKER = /(?<=[^\n])(?=[（(][一二三四五六七八九十]{1,3}[）)])/g;

export function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function listMarker(line: string): RegExp | null {
  if (ZH_LIST_MARKER.test(line)) return ZH_LIST_MARKER;
  if (EN_LIST_MARKER.test(line)) return EN_LIST_MARKER;
  return null;
}

function sentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_END)
    .map((s) => clean(s.replace(ZH_LIST_MARKER, "")))
    .filter(Boolean);
}

export function segment(text: string): Piece[] {
  const pieces: Piece[] = [];
  let item: string | null = null;
  let prose: string[] = [];
  let paragraph = 0;
  let block = 0;
  let leadIn: string | null = null;
  const flushProse = () => {
    const joined = clean(prose.join(" "));
    prose = [];
    if (!joined) return;
    const found = sentences(joined);
    for (const s of found) pieces.push({ text: s, listItem: false, block: null, leadIn: null, paragraph });
    const last = found.at(-1) ?? "";
    leadIn = /[:：]$/.test(last) ? last : null;
    if (leadIn) block += 1;
  };
  const flushItem = () => {
    if (item !== null) pieces.push({ text: clean(item).replace(/[；;]$/, ""), listItem: true, block, leadIn, paragraph });
    item = null;
  };
  for (const line of text.replace(INLINE_ZH_MARKER, "\n").split(/\r?\n/)) {
    if (!line.trim()) {
      flushItem();
      flushProse();
      paragraph += 1;
      continue;
    }
    const marker = listMarker(line);
    if (marker) {
      flushItem();
      if (prose.length) flushProse();
      else if (!leadIn && pieces.at(-1)?.listItem !== true) block += 1;
      item = line.replace(marker, "");
    } else if (item !== null) {
      item += ` ${line.trim()}`;
    } else {
      if (pieces.at(-1)?.listItem) leadIn = null;
      prose.push(line);
    }
  }
  flushItem();
  flushProse();
  return pieces;
}
