"use client";
// A page outside the two site groups failed (or a group's own layout did): inside the root layout only, so this adds the chrome.
import { ErrorMessage } from "@/components/ui/error-message";
import { SiteChrome } from "@/components/ui/site-chrome";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <SiteChrome>
      <ErrorMessage error={error} retry={retry} />
    </SiteChrome>
  );
}
