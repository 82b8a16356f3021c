"use client";
// On an English page, a reader whose browser asks for Chinese first is offered the Chinese page: a
// suggestion only, never a redirect, decided in the browser so every page stays the same for everyone.
import { useEffect, useState } from "react";
import { prefersChinese, switchLocaleHref } from "@/lib/i18n/locales";

const DISMISSED = "scorecard-zh-suggestion-dismissed";

export function ChineseSuggestion() {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    let dismissed = false;
    try {
      dismissed = window.localStorage.getItem(DISMISSED) === "1";
    } catch {
      // Storage may be off; the suggestion then shows on each page until dismissed there.
    }
    // A browser setting read once after the page is shown, not state derived from props.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!dismissed && prefersChinese(navigator.languages ?? [navigator.language])) setHref(switchLocaleHref("zh", window.location.pathname, window.location.search));
  }, []);
  if (!href) return null;
  return (
    <p lang="zh-Hans" className="flex items-center gap-3 bg-amber-50 px-4 py-1 text-sm print:hidden">
      <a href={href} hrefLang="zh-Hans">此页面有中文版</a>
      <button
        type="button"
        aria-label="关闭"
        className="text-stone-600 hover:text-stone-900"
        onClick={() => {
          try {
            window.localStorage.setItem(DISMISSED, "1");
          } catch {}
          setHref(null);
        }}
      >
        ×
      </button>
    </p>
  );
}
