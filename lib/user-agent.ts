// A session's User-Agent header in a few words ("Chromium on Linux"), so that a person can tell their
// own devices apart on the account page. Only a summary: the header itself is whatever the client sent.
// The words around the names come from the catalogue (account.sessions.device), in the page's language.

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bHeadlessChrome\//, "HeadlessChrome"],
  [/\bChromium\//, "Chromium"],
  [/\bChrome\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\bWindows\b/, "Windows"],
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/** The browser's and the system's product names, where the header names them; nothing for a missing header. */
export type DeviceSummary = { kind: "unknownDevice" } | { kind: "known"; browser: string | null; system: string | null };

export function summariseUserAgent(userAgent: string | null | undefined): DeviceSummary {
  const ua = (userAgent ?? "").slice(0, 1000);
  if (!ua.trim()) return { kind: "unknownDevice" };
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { kind: "known", browser, system };
}

type DeviceMessage = "browserOnSystem" | "browserOnly" | "aBrowserOn" | "unknownBrowser" | "unknownDevice";

/** The summary in words: `t` is the account.sessions.device translator of the page's language. */
export function deviceInWords(summary: DeviceSummary, t: (key: DeviceMessage, values?: Record<string, string>) => string): string {
  if (summary.kind === "unknownDevice") return t("unknownDevice");
  const { browser, system } = summary;
  if (browser && system) return t("browserOnSystem", { browser, system });
  if (browser) return t("browserOnly", { browser });
  return system ? t("aBrowserOn", { system }) : t("unknownBrowser");
}
