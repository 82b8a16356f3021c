import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Cached public pages live in memory only: their keys name one database's data version, so a copy
  // on disk would outlive its data, and servers sharing a build (the tests run two) must not share them.
  cacheMaxMemorySize: 128 * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
};

export default nextConfig;
