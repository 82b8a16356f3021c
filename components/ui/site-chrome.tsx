import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import { ChineseSuggestion } from "./chinese-suggestion";
import { LanguageSwitch } from "./language-switch";

const NAV = [
  { href: "/", key: "dashboard" },
  { href: "/statements", key: "statements" },
  { href: "/people", key: "people" },
  { href: "/laws", key: "laws" },
  { href: "/method", key: "method" },
  { href: "/releases", key: "releases" },
  { href: "/api", key: "api" },
] as const;

/** Header, navigation and footer of the site; embeds and print views go without them. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  const t = useTranslations("site");
  const locale = useLocale();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skip")}
      </a>
      {locale === "en" && <ChineseSuggestion />}
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-stone-900 no-underline">
            {t("name")}
          </Link>
          <nav aria-label={t("mainNav")} className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{t(`nav.${item.key}`)}</Link>
                </li>
              ))}
            </ul>
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl border-t border-stone-200 px-4 py-6 text-xs text-stone-600 print:hidden">
        {t.rich("footer", {
          method: (chunks) => <Link href="/method">{chunks}</Link>,
          releases: (chunks) => <Link href="/releases">{chunks}</Link>,
          signIn: (chunks) => <Link href="/review">{chunks}</Link>,
        })}
      </footer>
    </>
  );
}
