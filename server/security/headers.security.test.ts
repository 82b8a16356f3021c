import { describe, expect, it } from "vitest";
import { BASELINE_SECURITY_HEADERS, contentSecurityPolicy, isEmbedPath, responseSecurityHeaders } from "./headers";

const production = { development: false, https: false, embedAncestors: ["*"] };

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("the Content-Security-Policy", () => {
  it("never allows eval in production, and allows scripts only from this origin (plus Next's inline bootstrap)", () => {
    const policy = directives(responseSecurityHeaders("/", production)["Content-Security-Policy"]!);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("allows eval only under next dev, for React's error overlay", () => {
    expect(contentSecurityPolicy({ development: true, frameAncestors: [] })).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval';");
    expect(contentSecurityPolicy({ development: false, frameAncestors: [] })).not.toContain("unsafe-eval");
  });

  it("forbids framing everywhere but /embed, which the configured sites may frame", () => {
    for (const path of ["/", "/rounds/hrc-37", "/sign-in", "/editor", "/api/v1/scores", "/exports/scores.csv", "/embedded", "/x/embed/fulfilment"]) {
      const headers = responseSecurityHeaders(path, production);
      expect(directives(headers["Content-Security-Policy"]!).get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(headers["X-Frame-Options"], path).toBe("DENY");
    }
    const embed = responseSecurityHeaders("/embed/fulfilment", { ...production, embedAncestors: ["https://example.org", "https://*.example.net"] });
    expect(directives(embed["Content-Security-Policy"]!).get("frame-ancestors")).toEqual(["https://example.org", "https://*.example.net"]);
    expect(embed["X-Frame-Options"]).toBeUndefined();
    expect(isEmbedPath("/embed")).toBe(true);
  });

  it("sends HSTS only when the app is served over HTTPS", () => {
    expect(responseSecurityHeaders("/", production)["Strict-Transport-Security"]).toBeUndefined();
    expect(responseSecurityHeaders("/", { ...production, https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("the baseline headers", () => {
  it("stop MIME sniffing, keep the path out of cross-site referrers, switch off unused features and isolate the window", () => {
    expect(BASELINE_SECURITY_HEADERS).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=()"),
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });
});
