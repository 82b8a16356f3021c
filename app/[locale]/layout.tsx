import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { locale as rootLocale } from "next/root-params";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { WebFontReshape } from "@/components/ui/web-font-reshape";
import { clientMessages } from "@/server/i18n/messages";
import { isLocale, languageTag, LOCALES } from "@/lib/i18n/locales";
import { publicBaseUrl, readEnv } from "@/lib/env";
import "../globals.css";
// The Chinese web font: only the slices of characters a page shows are downloaded (unicode-range).
import "../fonts/noto-sans-sc.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    metadataBase: new URL(publicBaseUrl(readEnv())),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
  };
}

export function generateStaticParams(): Array<{ locale: string }> {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await rootLocale();
  if (!isLocale(locale)) notFound();
  return (
    <html lang={languageTag(locale)}>
      <body className="min-h-screen">
        {/* Only the few messages client components use travel to the browser. */}
        <NextIntlClientProvider locale={locale} messages={await clientMessages(locale)} timeZone="UTC">
          {children}
        </NextIntlClientProvider>
        <WebFontReshape />
        <HydrationMark />
      </body>
    </html>
  );
}
