import { useTranslations } from "next-intl";
import { linkableWebUrl } from "@/lib/validation/url";

/** Links to outside sources: only http(s) ever becomes a link, and it never gets the opener or the referrer. */
export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const t = useTranslations("common");
  const url = linkableWebUrl(href);
  if (!url) return <span>{children}</span>;
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {children}
      <span className="sr-only"> {t("newTab")}</span>
    </a>
  );
}
