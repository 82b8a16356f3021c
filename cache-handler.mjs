// Next's page cache (its own in-memory store, cacheMaxMemorySize in next.config.ts), with one change:
// a page rendered for a request that carries the published-data key (set by proxy.ts on the dashboard's
// cached rendering, see server/published-cache.ts) is filed under that key too. A public write raises the
// key, so the next reader gets a fresh rendering, while the page's address — which readers see, in
// headers and in the page's own router data — stays the same and says nothing about the data.
// Plain JavaScript: Next loads this file at run time, outside its bundles.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/** Must match PUBLISHED_KEY_HEADER in server/published-cache.ts. */
export const PUBLISHED_KEY_HEADER = "x-scorecard-published-key";

/** Next makes one handler per request, handing it that request's headers. */
export default class PublishedPageCache extends FileSystemCache {
  constructor(context) {
    super(context);
    const key = context._requestHeaders?.[PUBLISHED_KEY_HEADER];
    this.suffix = typeof key === "string" && key !== "" ? `@${key}` : "";
  }

  // Data-cache entries (unstable_cache) carry the key in their own cache key already.
  get(key, context) {
    return super.get(context?.kind === "FETCH" ? key : key + this.suffix, context);
  }

  set(key, data, context) {
    return super.set(context?.fetchCache ? key : key + this.suffix, data, context);
  }
}
