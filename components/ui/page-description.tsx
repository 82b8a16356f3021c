import { useTranslations } from "next-intl";
import { formatCount, type PageInfo } from "@/lib/pagination";

/** "Showing 1–100 of 250 statements." in the page's language; `noun` is already in that language. */
export function PageDescription({ info, noun }: { info: PageInfo; noun: string }) {
  const t = useTranslations("pagination");
  if (info.total === 0) return t("none", { noun });
  if (info.outOfRange) return t("outOfRange", { page: formatCount(info.page), total: formatCount(info.total), noun, pageCount: info.pageCount, pages: formatCount(info.pageCount) });
  return t("showing", { from: formatCount(info.from), to: formatCount(info.to), total: formatCount(info.total), noun });
}
