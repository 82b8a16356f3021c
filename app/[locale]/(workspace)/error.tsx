"use client";
// Inside this group's layout, which already has the chrome.
import { ErrorMessage } from "@/components/ui/error-message";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
