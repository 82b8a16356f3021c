// The page cache files the dashboard's rendering under the published-data key the proxy hands over,
// so an edit gives the next reader a fresh page although the page's address does not change.
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import PublishedPageCache, { PUBLISHED_KEY_HEADER as HANDLER_HEADER } from "@/cache-handler.mjs";
import { PUBLISHED_KEY_HEADER } from "@/server/published-cache";

const { nodeFs } = createRequire(import.meta.url)("next/dist/server/lib/node-fs-methods.js") as { nodeFs: unknown };
const serverDistDir = mkdtempSync(path.join(tmpdir(), "page-cache-"));
const handlerFor = (headers: Record<string, string>) =>
  new PublishedPageCache({ fs: nodeFs, dev: false, flushToDisk: false, serverDistDir, revalidatedTags: [], maxMemoryCacheSize: 8 * 1024 * 1024, _requestHeaders: headers });

const PAGE_KEY = "/route-cache/APP_PAGE/0123/$/published/dashboard/-";
const page = { kind: "APP_PAGE", html: "<p>dashboard</p>", rscData: undefined, headers: {}, status: 200, postponed: undefined, segmentData: undefined };
const pageContext = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };

describe("the page cache", () => {
  it("reads the header the proxy sets", () => {
    expect(HANDLER_HEADER).toBe(PUBLISHED_KEY_HEADER);
  });

  it("keeps a rendering for the published key it was made under, and misses under any other", async () => {
    await handlerFor({ [PUBLISHED_KEY_HEADER]: "db.1" }).set(PAGE_KEY, page, { ...pageContext, cacheControl: { revalidate: false, expire: undefined } });
    expect((await handlerFor({ [PUBLISHED_KEY_HEADER]: "db.1" }).get(PAGE_KEY, pageContext))?.value).toEqual(page);
    expect(await handlerFor({ [PUBLISHED_KEY_HEADER]: "db.2" }).get(PAGE_KEY, pageContext)).toBeNull();
    expect(await handlerFor({}).get(PAGE_KEY, pageContext)).toBeNull();
  });

  it("leaves data-cache entries, which carry the key themselves, as they are", async () => {
    const data = { kind: "FETCH", data: { headers: {}, body: "e30=", status: 200, url: "" }, revalidate: 31536000 };
    await handlerFor({ [PUBLISHED_KEY_HEADER]: "db.1" }).set("fetch-key", data, { fetchCache: true, tags: [] });
    expect((await handlerFor({}).get("fetch-key", { kind: "FETCH", tags: [], softTags: [] }))?.value).toEqual(data);
  });
});
