// The placeholder a slow page shows while it is rendered: grey bars in the page's shape, and a status
// that screen readers announce (the bars themselves are hidden from them).

/**
 * Without JavaScript the page must still read. React sends a large page after its loading boundary's
 * placeholder, in a hidden div after the footer that an inline script swaps in; with scripts off that
 * never runs. This style, read only then, hides the placeholder and shows that div where the page goes.
 */
const WITHOUT_SCRIPTS = [
  "[data-loading-skeleton]{display:none!important}",
  "body{display:flex;flex-direction:column}",
  "body>main,body>footer{width:100%}",
  "body>footer{order:1}",
  // In Tailwind's base layer, where its own `[hidden]{display:none!important}` is: an important rule outside it would lose.
  '@layer base{body>div[hidden][id^="S:"]{display:block!important;width:100%;max-width:72rem;margin:0 auto;padding:1.5rem 1rem}}',
].join("");

/** `label` says what is loading ("Loading {label} …"); `announcement`, a whole sentence in the page's language, replaces that. */
export function LoadingSkeleton({ label, announcement, rows = 6 }: { label?: string; announcement?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" data-testid="loading" data-loading-skeleton="">
      {/* As markup, not elements: a <style> element React creates on the client would apply with scripts on too. */}
      <noscript dangerouslySetInnerHTML={{ __html: `<style>${WITHOUT_SCRIPTS}</style>` }} />
      <span className="sr-only">{announcement ?? `Loading ${label} …`}</span>
      <div aria-hidden="true" className="animate-pulse">
        <div className="h-7 w-2/3 max-w-md rounded bg-stone-200" />
        <div className="mt-3 h-4 w-full max-w-2xl rounded bg-stone-100" />
        <ul className="mt-6 divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {Array.from({ length: rows }, (_, i) => (
            <li key={i} className="px-4 py-3">
              <div className="h-4 w-1/2 rounded bg-stone-200" />
              <div className="mt-2 h-3 w-1/3 rounded bg-stone-100" />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
