import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { deviceInWords, summariseUserAgent } from "./user-agent";

const inEnglish = createTranslator({ locale: "en", messages: en, namespace: "account.sessions.device" });
const inChinese = createTranslator({ locale: "zh", messages: zh, namespace: "account.sessions.device" });
const describeIn = (t: typeof inEnglish | typeof inChinese, ua: string | null) => deviceInWords(summariseUserAgent(ua), t);

describe("a session's device in a few words", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36", "Chromium on Linux"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36", "HeadlessChrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS"],
    ["Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox on Android"],
    ["Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android"],
    ["curl/8.5.0", "curl"],
    ["Mozilla/5.0 (X11; Linux x86_64)", "A browser on Linux"],
    ["something/1.0", "Unknown browser"],
  ])("%s → %s", (ua, summary) => {
    expect(describeIn(inEnglish, ua)).toBe(summary);
  });

  it("says so when the header was missing", () => {
    expect(describeIn(inEnglish, null)).toBe("Unknown device");
    expect(describeIn(inEnglish, "  ")).toBe("Unknown device");
  });

  it("in Chinese on a Chinese page, the product names as they are", () => {
    expect(describeIn(inChinese, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Windows 上的 Chrome");
    expect(describeIn(inChinese, "Mozilla/5.0 (X11; Linux x86_64)")).toBe("Linux 上的浏览器");
    expect(describeIn(inChinese, "something/1.0")).toBe("未知浏览器");
    expect(describeIn(inChinese, null)).toBe("未知设备");
    expect(describeIn(inChinese, "curl/8.5.0")).toBe("curl");
  });
});
