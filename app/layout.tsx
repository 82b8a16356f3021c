import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dialogue Scorecard", template: "%s · Dialogue Scorecard" },
  description:
    "Which civil-society demands made around human-rights dialogues with China were met, round by round, 2012–2018.",
};

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/statements", label: "Statements" },
  { href: "/people", label: "People" },
  { href: "/laws", label: "Laws and practices" },
  { href: "/method", label: "Method" },
];

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
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl border-t border-stone-200 px-4 py-6 text-xs text-stone-600">
          Demands and statements are restated from public documents, each cited. Scores shipped with the app are
          demonstration data. <Link href="/method">How the figures are made</Link>. Reviewers and editors:{" "}
          <Link href="/review">sign in</Link>.
        </footer>
      </body>
    </html>
  );
}
