"use client";
// The root layout itself failed: this replaces it, so it brings its own document and styles.
import "./globals.css";
import Link from "next/link";
import { ErrorMessageView, type ErrorTexts } from "@/components/ui/error-message";

// The root layout, and with it the messages, failed: this last resort speaks English (the catalogue's words).
const TEXTS: ErrorTexts = {
  title: "Something went wrong",
  body: (
    <>
      This page could not be shown just now. Try again in a moment; if it keeps failing, start again from the <Link href="/">dashboard</Link>.
    </>
  ),
  reference: (digest) => `If you report this, quote the reference ${digest}.`,
  retry: "Try again",
};

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Dialogue Scorecard</title>
        <main className="mx-auto max-w-6xl px-4 py-8">
          <ErrorMessageView error={error} retry={retry} texts={TEXTS} />
        </main>
      </body>
    </html>
  );
}
