// What a reader sees when a page fails. It never shows the error's message or stack: a server error
// reaches the browser as Next's generic text anyway, and a client error's message may name internals.
// The digest is Next's hash of the server error, which an operator matches in the server's log.
import Link from "next/link";

export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  const digest = (error as { digest: unknown }).digest;
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : undefined;
}

export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  return (
    <section className="max-w-2xl" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3">
        This page could not be shown just now. Try again in a moment; if it keeps failing, start again from the{" "}
        <Link href="/">dashboard</Link>.
      </p>
      {digest && <p className="mt-3 text-sm text-stone-600">If you report this, quote the reference {digest}.</p>}
      <button type="button" onClick={() => retry()} className="mt-4 rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
        Try again
      </button>
    </section>
  );
}
