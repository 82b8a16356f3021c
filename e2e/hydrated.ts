import type { Page } from "@playwright/test";

/**
 * Waits until React has hydrated the page and run its effects (components/ui/hydration-mark.tsx).
 * Used in place of "networkidle", which a workspace page's prefetches of public pages can keep from
 * ever arriving: Next's router leaves some prefetch bodies unread.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
