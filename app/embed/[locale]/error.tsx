"use client";
// Inside another site's frame: the message alone, without this site's chrome.
import { ErrorMessage } from "@/components/ui/error-message";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
