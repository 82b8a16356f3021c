// Collects what the Content-Security-Policy blocked on a page: the browser's console reports and the
// securitypolicyviolation events, so a test can assert that nothing the app needs was refused.
import type { Page } from "@playwright/test";

export interface CspWatch {
  /** Console messages that mention the policy, and violation events as "directive: blocked URI". */
  violations(): Promise<string[]>;
}

export async function watchCsp(page: Page): Promise<CspWatch> {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame|evaluate|connect)/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return {
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      return [...messages, ...events];
    },
  };
}
