"use client";
// The root layout itself failed: this replaces it, so it brings its own document and styles.
import "./globals.css";
import { ErrorMessage } from "@/components/ui/error-message";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>Something went wrong · Dialogue Scorecard</title>
        <main className="mx-auto max-w-6xl px-4 py-8">
          <ErrorMessage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
