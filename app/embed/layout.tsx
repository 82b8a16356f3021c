import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { clientMessages } from "@/server/i18n/messages";
import "../globals.css";
// The Chinese web font, in slices downloaded only for the characters an embed shows (unicode-range).
import "../fonts/noto-sans-sc.css";

export const metadata: Metadata = { title: { default: "Dialogue Scorecard", template: "%s · Dialogue Scorecard" } };

/** Embeds go in an iframe on another site: no header, no footer, just the chart and its credits (in English until the embeds' Chinese versions). */
export default async function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NextIntlClientProvider locale="en" messages={await clientMessages("en")} timeZone="UTC">
          <main className="bg-white p-3">{children}</main>
        </NextIntlClientProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
