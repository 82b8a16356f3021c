import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dialogue Scorecard", template: "%s · Dialogue Scorecard" },
  description:
    "Which civil-society demands made around human-rights dialogues with China were met, round by round, 2012–2018.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-stone-900 no-underline">
              Dialogue Scorecard
            </Link>
            <p className="text-sm text-stone-600">Benchmarks for human-rights dialogues with China</p>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
