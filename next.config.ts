import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASELINE_SECURITY_HEADERS } from "./server/security/headers";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // proxy.ts gives every public answer an ETag from the published data's key and answers 304 itself;
  // Next's own ETag (a hash of a cached page's HTML) would replace it on the dashboard alone.
  generateEtags: false,
  // Cached public pages live in memory only: their keys name one database's data version, so a copy
  // on disk would outlive its data, and servers sharing a build (the tests run two) must not share them.
  cacheMaxMemorySize: 128 * 1024 * 1024,
  // Next's own page cache, which also files the dashboard under the published data's key (see the file).
  cacheHandler: path.join(process.cwd(), "cache-handler.mjs"),
  experimental: {
    isrFlushToDisk: false,
    // One limit for every server action, so it is the largest one needs: the CSV import form at
    // /editor/import (files up to 5 MB). proxy.ts holds every other path to 1 MB (server/security/request-limits.ts).
    serverActions: { bodySizeLimit: "6mb" },
  },
  // Headers that never depend on configuration, on every path including static files; the CSP, framing
  // and HSTS depend on the path and on run-time settings, so proxy.ts adds them.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(BASELINE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

// The interface's messages (messages/*.json), loaded per locale from the address (server/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

export default withNextIntl(nextConfig);
