// The caching headers of a running server (next start behind scripts/serve.mjs), for every kind of
// answer: each public page type, an embed, the read API, an export and a feed answers 304 to a
// conditional request with no body and carries a shared-cache lifetime and validators; signed-in pages
// and everything user-specific are private, no-store; each page links its Atom feed.
import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./session-helpers";
import { readTestRows } from "./test-database";

const PUBLIC_CACHE = /^public, max-age=0, s-maxage=60, stale-while-revalidate=60$/;

// A public person, law and statement of the seed, read once per worker.
let slugs: { person: string; law: string; statement: string };
const firstSlug = async (sql: string) => (await readTestRows<{ slug: string }>(sql))[0]!.slug;
test.beforeAll(async () => {
  slugs = {
    person: await firstSlug("SELECT slug FROM subjects WHERE kind = 'person' AND confidential = 0 AND merged_into_id IS NULL ORDER BY id LIMIT 1"),
    law: await firstSlug("SELECT slug FROM subjects WHERE kind <> 'person' AND confidential = 0 AND merged_into_id IS NULL ORDER BY id LIMIT 1"),
    statement: await firstSlug("SELECT slug FROM statements WHERE review_state = 'approved' AND withheld = 0 ORDER BY id LIMIT 1"),
  };
});
const person = () => slugs.person;
const law = () => slugs.law;
const statement = () => slugs.statement;

const publicAddresses = () => [
  "/",
  "/?track=un-hrc",
  "/rounds/hrc-37",
  "/rounds/hrc-37/print",
  "/benchmarks/end-rsdl",
  "/people",
  `/people/${person()}`,
  "/laws",
  `/laws/${law()}`,
  "/statements",
  `/statements/${statement()}`,
  "/method",
  "/releases",
  "/releases/1",
  "/zh/releases",
  "/api",
  "/embed/fulfilment",
  "/embed/status-mix",
  "/api/v1/summary",
  "/api/v1/benchmarks?pageSize=5",
  "/exports/benchmarks.csv",
  "/exports/scores.csv?round=hrc-37",
  "/feeds/changes.atom",
  "/feeds/rounds/hrc-37.atom",
  "/releases/1/datapackage.zip",
];

test("every public page type, an embed, the API, an export and a feed: a minute in shared caches, validators, 304 with no body", async ({ request }) => {
  test.setTimeout(120_000);
  for (const url of publicAddresses()) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["cache-control"], url).toMatch(PUBLIC_CACHE);
    expect(headers.vary, url).toMatch(/Accept-Encoding/i);
    expect(headers.etag, url).toMatch(/^W\/"[\w-]+"$/);
    expect(Number.isNaN(Date.parse(headers["last-modified"]!)), url).toBe(false);
    const conditionals: Array<Record<string, string>> = [{ "If-None-Match": headers.etag! }, { "If-Modified-Since": headers["last-modified"]! }];
    for (const conditional of conditionals) {
      const again = await request.get(url, { headers: conditional });
      expect(again.status(), `${url} ${JSON.stringify(conditional)}`).toBe(304);
      expect((await again.body()).length).toBe(0);
      expect(again.headers()["cache-control"]).toMatch(PUBLIC_CACHE);
      expect(again.headers().etag).toBe(headers.etag);
    }
    expect((await request.get(url, { headers: { "If-None-Match": '"something-else"' } })).status(), url).toBe(200);
  }
});

test("the dashboard's cached rendering is not kept for a year any more", async ({ request }) => {
  const response = await request.get("/?from=hrc-31");
  expect(response.headers()["cache-control"]).toMatch(PUBLIC_CACHE);
  expect(response.headers()["cache-control"]).not.toContain("31536000");
  expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
});

test("signed-out private pages, sign-in and the can-edit endpoint are private, no-store", async ({ request }) => {
  for (const url of ["/sign-in", "/reset-password", "/api/workspace/can-edit", "/api/auth/get-session"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], url).toBe("private, no-store");
    expect(response.headers().etag, url).toBeUndefined();
  }
  for (const url of ["/review", "/editor", "/account"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(307);
    expect(response.headers()["cache-control"], url).toBe("private, no-store");
  }
});

test("signed-in pages and a server action's answer are private, no-store", async ({ page }) => {
  await signIn(page, EDITOR, "/editor");
  for (const url of ["/editor", "/review", "/account", "/editor/audit", "/api/workspace/can-edit"]) {
    const response = await page.request.get(url, { maxRedirects: 0, headers: { "If-None-Match": "*" } });
    expect(response.status(), url).toBe(200);
    expect(response.headers()["cache-control"], url).toBe("private, no-store");
  }
  const action = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  expect((await action).headers()["cache-control"]).toBe("private, no-store");
});

test("each page links its Atom feed, and the feed answers", async ({ page, request }) => {
  const cases: Array<[string, string]> = [
    ["/", "/feeds/changes.atom"],
    ["/?track=un-hrc", "/feeds/tracks/un-hrc.atom"],
    ["/rounds/hrc-37", "/feeds/rounds/hrc-37.atom"],
    ["/benchmarks/end-rsdl", "/feeds/benchmarks/end-rsdl.atom"],
    [`/people/${person()}`, `/feeds/people/${person()}.atom`],
    [`/laws/${law()}`, `/feeds/laws/${law()}.atom`],
  ];
  for (const [url, feed] of cases) {
    await page.goto(url);
    // The links are absolute (the site's public address): compared here by their path.
    const hrefs = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    expect(hrefs.map((href) => new URL(href).pathname).filter((path) => path === feed), url).toHaveLength(1);
    const response = await request.get(feed);
    expect(response.status(), feed).toBe(200);
    expect(await response.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  }
});

test("each Chinese page links its Chinese Atom feed, which is in Chinese", async ({ page, request }) => {
  const cases: Array<[string, string]> = [
    ["/zh", "/feeds/changes.atom"],
    ["/zh/rounds/hrc-37", "/feeds/rounds/hrc-37.atom"],
    ["/zh/benchmarks/end-rsdl", "/feeds/benchmarks/end-rsdl.atom"],
    [`/zh/people/${person()}`, `/feeds/people/${person()}.atom`],
  ];
  for (const [url, feed] of cases) {
    await page.goto(url);
    const links = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluateAll((els) => els.map((l) => ({ href: l.getAttribute("href")!, title: l.getAttribute("title") })));
    const own = links.filter((l) => new URL(l.href).pathname === feed);
    expect(own, url).toHaveLength(1);
    expect(new URL(own[0]!.href).search, url).toBe("?lang=zh");
    expect(own[0]!.title, url).toMatch(/状态变化/);
    const response = await request.get(`${feed}?lang=zh`);
    expect(response.status(), feed).toBe(200);
    const xml = await response.text();
    expect(xml).toMatch(/<title>(对话记分卡：)?状态变化/);
    expect(xml).not.toContain("Status changes");
  }
});
