import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { SiteChrome } from "@/components/ui/site-chrome";
import type { Locale } from "@/lib/i18n/locales";
import { workspaceClientMessages } from "@/server/i18n/messages";

// The workspace's forms are client components: they get their messages here, public pages never do.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <NextIntlClientProvider locale={locale} messages={await workspaceClientMessages(locale)} timeZone="UTC">
      <SiteChrome>{children}</SiteChrome>
    </NextIntlClientProvider>
  );
}
