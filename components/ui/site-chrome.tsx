import Link from "next/link";

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/statements", label: "Statements" },
  { href: "/people", label: "People" },
  { href: "/laws", label: "Laws and practices" },
  { href: "/method", label: "Method" },
  { href: "/releases", label: "Releases" },
  { href: "/api", label: "Data and API" },
];

/** Header, navigation and footer of the site; embeds and print views go without them. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white print:hidden">
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
      <footer className="mx-auto max-w-6xl border-t border-stone-200 px-4 py-6 text-xs text-stone-600 print:hidden">
        Demands and statements are restated from public documents, each cited. Scores shipped with the app are demonstration data.{" "}
        <Link href="/method">How the figures are made</Link>. Every publication is a <Link href="/releases">numbered release</Link> you can cite. Reviewers and editors: <Link href="/review">sign in</Link>.
      </footer>
    </>
  );
}
