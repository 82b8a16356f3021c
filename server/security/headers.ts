// The security headers of every response. No framework imports: next.config.ts and proxy.ts both use
// this module, and its tests read the policies as plain strings.

/** Sent on every path, static files included (next.config.ts `headers()`); they never depend on configuration. */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export interface SecurityHeaderOptions {
  /** `next dev`: React's dev tools rebuild server error stacks with eval. */
  development: boolean;
  /** Readers reach the app over HTTPS, so browsers may be told to insist on it. */
  https: boolean;
  /** Who may frame /embed/* (SCORECARD_EMBED_ANCESTORS): origins, 'self' or *. */
  embedAncestors: readonly string[];
}

export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/**
 * A static policy rather than a per-request nonce, so that pages can still be cached: Next's inline
 * bootstrap scripts need 'unsafe-inline', but no script may come from another origin and nothing may eval
 * (outside development). Inline styles are recharts' and Tailwind's; images include the data: and
 * blob: URLs the chart download builds.
 */
export function contentSecurityPolicy(options: { development: boolean; frameAncestors: readonly string[] }): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-inline'", ...(options.development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", ...(options.frameAncestors.length ? options.frameAncestors : ["'none'"])],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Headers that depend on the path or on run-time configuration; proxy.ts adds them to every response. */
export function responseSecurityHeaders(pathname: string, options: SecurityHeaderOptions): Record<string, string> {
  const embed = isEmbedPath(pathname);
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy({ development: options.development, frameAncestors: embed ? options.embedAncestors : [] }),
  };
  // The embeddable charts are meant for other sites' iframes; everything else may not be framed at all.
  if (!embed) headers["X-Frame-Options"] = "DENY";
  if (options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
