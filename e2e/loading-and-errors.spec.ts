// The loading skeletons change neither the status a page answers with nor how the cached dashboard
// is served, a reader following a link to a slow page sees an announced "Loading …" at once, and
// without JavaScript every page still reads.
import { expect, test } from "@playwright/test";

test("pages behind a loading skeleton still answer 404 and send signed-out readers to sign in", async ({ request }) => {
  for (const path of ["/rounds/no-such-round", "/rounds/no-such-round/print", "/people/no-such-person", "/laws/no-such-law"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/review", "/review/hrc-37"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  }
});

// The cached dashboard has no skeleton: its page arrives whole from memory, and a boundary would only
// make the browser paint the placeholder first and the dashboard later (React holds the swap ~300 ms).
test("the cached dashboard arrives whole, and pages keep their Cache-Control", async ({ request }) => {
  const dashboard = await request.get("/");
  expect(dashboard.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  expect(dashboard.headers()["x-nextjs-prerender"]).toBe("1");
  expect(await dashboard.text()).not.toContain('data-testid="loading"');
  const round = await request.get("/rounds/upr-china-2018");
  expect(round.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
});

for (const { link, path, loading, heading } of [
  { link: "People", path: "/people", loading: "Loading the people …", heading: "People" },
  { link: "Laws and practices", path: "/laws", loading: "Loading the laws and practices …", heading: "Laws and practices" },
]) {
  test(`following the ${link} link shows a loading status until the page arrives`, async ({ page }) => {
    // The router shows a skeleton it has prefetched: wait for the link's prefetch itself, not only for a
    // quiet network, which a loaded machine can reach before the router has asked (a CI run on PostgreSQL
    // did). The router prefetches a link in two steps: the route tree (next-router-segment-prefetch: /_tree),
    // then the page's loading boundary; the skeleton is ready only after the second.
    const prefetched = new Set<string>();
    page.on("requestfinished", (request) => {
      const headers = request.headers();
      if (headers["next-router-prefetch"] === undefined || headers["next-router-segment-prefetch"] === "/_tree") return;
      prefetched.add(new URL(request.url()).pathname);
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    // Hold back the navigation's page data (not the prefetch, which brings the skeleton).
    await page.route(
      (url) => url.searchParams.has("_rsc"),
      async (route) => {
        if (holding && route.request().headers()["next-router-prefetch"] === undefined) await gate;
        await route.continue();
      },
    );
    await page.goto("/method", { waitUntil: "networkidle" });
    await expect.poll(() => prefetched.has(path), { message: `the router prefetches ${path}`, timeout: 15_000 }).toBe(true);
    holding = true;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: loading })).toBeVisible();
    release();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: loading })).toHaveCount(0);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // React sends these pages after the skeleton for a script to swap in; with scripts off they must still read.
  for (const { path, heading } of [
    { path: "/", heading: "Did the dialogues deliver?" },
    { path: "/rounds/upr-china-2018", heading: "China's Universal Periodic Review, 2018" },
    { path: "/people", heading: "People" },
    { path: "/laws", heading: "Laws and practices" },
  ]) {
    test(`${path} shows the page, not its loading skeleton`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId("loading")).toBeHidden();
      // The page sits between the header and the footer, as it does with scripts.
      const main = await page.getByRole("heading", { level: 1, name: heading }).boundingBox();
      const footer = await page.getByRole("contentinfo").boundingBox();
      expect(main!.y).toBeLessThan(footer!.y);
    });
  }
});
