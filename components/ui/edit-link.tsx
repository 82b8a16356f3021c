"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

// One question per page load, however many links the page has.
let asked: Promise<boolean> | null = null;

function mayEdit(): Promise<boolean> {
  asked ??= fetch("/api/workspace/can-edit", { credentials: "same-origin", cache: "no-store" })
    .then(async (response) => (response.ok ? ((await response.json()) as { canEdit?: unknown }).canEdit === true : false))
    .catch(() => false);
  return asked;
}

/**
 * "Edit" beside a public record, shown only to a signed-in editor. It asks after the page has loaded,
 * so the public page stays the same for every reader and a cache can serve it.
 */
export function EditLink({ href, what }: { href: string; what: string }) {
  const t = useTranslations("site");
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let current = true;
    void mayEdit().then((yes) => current && setShown(yes));
    return () => {
      current = false;
    };
  }, []);
  if (!shown) return null;
  return (
    <a href={href} className="ml-2 rounded border border-stone-400 px-2 py-0.5 text-sm font-normal no-underline hover:bg-stone-100" data-testid="edit-link">
      {t("edit")}<span className="sr-only"> {what}</span>
    </a>
  );
}
