import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // The CSV import takes files up to 5 MB (checked in lib/validation/import.ts, with a clear message);
  // the body limit sits just above it, so the check is reached instead of a bare 413.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default nextConfig;
