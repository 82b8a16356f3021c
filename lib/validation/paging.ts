// Page number and page size as they travel in a page's URL (?page=3&pageSize=50). A malformed value
// falls back to the default and says so; a page past the end is the page's to report, since only the
// query knows how many there are.
import { z } from "zod";
import type { SearchParams } from "./dashboard-filters";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const pageNumberSchema = z.coerce.number().int().min(1).max(10_000_000);
const pageSizeSchema = z.coerce.number().int().min(1);

export interface PageParams {
  page: number;
  pageSize: number;
  /** One sentence per value that was not understood, for the reader. */
  problems: string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export function parsePageParams(params: SearchParams, sizes: { default: number; max: number } = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }): PageParams {
  const problems: string[] = [];
  const rawPage = first(params.page);
  const rawSize = first(params.pageSize);
  const page = rawPage === undefined ? undefined : pageNumberSchema.safeParse(rawPage);
  const size = rawSize === undefined ? undefined : pageSizeSchema.safeParse(rawSize);
  if (page && !page.success) problems.push(`“${rawPage!.slice(0, 20)}” is not a page number, so the first page is shown.`);
  if (size && !size.success) problems.push(`“${rawSize!.slice(0, 20)}” is not a page size, so ${sizes.default} per page are shown.`);
  if (size?.success && size.data > sizes.max) problems.push(`At most ${sizes.max} per page are shown.`);
  return {
    page: page?.success ? page.data : 1,
    pageSize: size?.success ? Math.min(size.data, sizes.max) : sizes.default,
    problems,
  };
}
