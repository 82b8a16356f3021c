import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { locale as rootLocale } from "next/root-params";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { WebFontReshape } from "@/components/ui/web-font-reshape";
import { isLocale, languageTag } from "@/lib/i18n/locales";
import { clientMessages } from "@/server/i18n/messages";
import "../../globals.css";
// The Chinese web font, in slices downloaded only for the characters an embed shows (unicode-range).
import "../../fonts/noto-sans-sc.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` } };
}

/**
 * Embeds go in an iframe on another site: no header, no footer, just the chart and its credits. The
 * locale segment is internal: proxy.ts serves /embed/… as /embed/en/… and /zh/embed/… (or ?lang=zh) as /embed/zh/….
 */
export default async function EmbedLayout({ children }: { children: React.ReactNode }) {
  const locale = await rootLocale();
  if (!isLocale(locale)) notFound();
  return (
    <html lang={languageTag(locale)}>
      <body>
        <NextIntlClientProvider locale={locale} messages={await clientMessages(locale)} timeZone="UTC">
          <main className="bg-white p-3">{children}</main>
        </NextIntlClientProvider>
        <WebFontReshape />
        <HydrationMark />
      </body>
    </html>
  );
}
