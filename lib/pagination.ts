// Arithmetic of a paged list: which rows a page holds, whether it exists, and which page links to
// offer around the current one.

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  /** At least 1: an empty list still has its (empty) first page. */
  pageCount: number;
  offset: number;
  /** 1-based positions of the first and last row on the page; 0 and 0 when it is empty. */
  from: number;
  to: number;
  /** A page past the last one: nothing to show, and the reader is told so. */
  outOfRange: boolean;
}

export function pageInfo(page: number, pageSize: number, total: number): PageInfo {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const offset = (page - 1) * pageSize;
  const outOfRange = page > pageCount;
  const from = outOfRange || total === 0 ? 0 : offset + 1;
  const to = outOfRange ? 0 : Math.min(offset + pageSize, total);
  return { page, pageSize, total, pageCount, offset, from, to, outOfRange };
}

/** Page numbers to link: the first, the last and a few around the current one, with gaps between. */
export function pageWindow(page: number, pageCount: number, radius = 2): Array<number | "gap"> {
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const result: Array<number | "gap"> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) result.push("gap");
    result.push(p);
  });
  return result;
}

const counts = new Intl.NumberFormat("en-GB");

/** 90412 → "90,412". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** "Showing 1–100 of 90,412", or what there is when the page is empty or past the end. */
export function describePage(info: PageInfo, noun: string): string {
  if (info.total === 0) return `No ${noun}.`;
  if (info.outOfRange) return `There is no page ${formatCount(info.page)}: ${formatCount(info.total)} ${noun} fill ${formatCount(info.pageCount)} ${info.pageCount === 1 ? "page" : "pages"}.`;
  return `Showing ${formatCount(info.from)}–${formatCount(info.to)} of ${formatCount(info.total)} ${noun}.`;
}

/** "?page=3" (and the page size when it is not the default), to add to a list's address; "" for page 1. */
export function pageQuery(page: number, pageSize: number, defaultSize: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries(extra).filter(([, v]) => v !== ""));
  if (pageSize !== defaultSize) params.set("pageSize", String(pageSize));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
