// Releases in public: the list, a release's changelog with its citation and data package, and the
// dashboard, a round's scorecard and a benchmark page pinned to a release; unknown releases are 404.
import { expect, test } from "@playwright/test";

test("the releases list leads to a release's changelog, citation and data package", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Releases" }).click();
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  const list = page.getByTestId("release-list");
  await expect(list).toContainText("Release 1");
  await list.getByRole("link", { name: "Release 1", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Release 1", level: 1 })).toBeVisible();
  await expect(page.getByTestId("release-citation")).toContainText("Dialogue Scorecard, data release 1 (");
  await expect(page.getByTestId("release-citation")).toContainText("/releases/1");
  await expect(page.getByTestId("release-changes")).toContainText("newly published round");
  await page.screenshot({ path: "test-results/release-page.png", fullPage: false });

  const zip = await request.get(await page.getByRole("link", { name: /Download the whole release as a data package/ }).getAttribute("href") as string);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");
});

test("the dashboard, a round and a benchmark pinned to a release say so and link to the current figures", async ({ page }) => {
  await page.goto("/?release=1");
  await expect(page.getByTestId("pinned-release")).toContainText("As published in release 1 on");
  await expect(page.getByTestId("pinned-release").getByRole("link", { name: "see the current figures" })).toHaveAttribute("href", "/");
  await page.goto("/rounds/hrc-37?release=1");
  await expect(page.getByTestId("pinned-release")).toContainText("As published in release 1");
  await expect(page.getByTestId("pinned-scores")).toContainText("Release");
  await page.getByTestId("pinned-scores").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/benchmarks\/.+\?release=1$/);
  await expect(page.getByTestId("pinned-release")).toContainText("As published in release 1");
});

test("an unknown or malformed release answers 404 on every pinned page and address", async ({ request }) => {
  for (const path of ["/?release=999", "/?release=abc", "/rounds/hrc-37?release=999", "/benchmarks/release-gui-minhai?release=0", "/releases/999", "/releases/999/datapackage.zip", "/api/v1/releases/999", "/api/v1/summary?release=999"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    // Not kept for a year: the release may yet be made.
    expect(response.headers()["cache-control"] ?? "", path).not.toContain("immutable");
  }
});

test("an address pinned to a release that exists is cacheable for a year, immutable; the same address unpinned is not", async ({ request }) => {
  const benchmark = "/benchmarks/release-gui-minhai";
  for (const path of ["/", "/zh", "/rounds/hrc-37", benchmark, "/api/v1/summary", "/api/v1/scores"]) {
    const pinned = await request.get(`${path}?release=1`);
    expect(pinned.status(), path).toBe(200);
    expect(pinned.headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
    expect(pinned.headers().etag, path).toMatch(/^W\//);
    const current = await request.get(path);
    expect(current.headers()["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=\d+/);
  }
  // A malformed query on a pinned API address is a 400 that no cache keeps.
  const refused = await request.get("/api/v1/scores?release=1&pageSize=0");
  expect(refused.status()).toBe(400);
  expect(refused.headers()["cache-control"]).toBe("no-store");
  // Addresses that ignore ?release answer the current data: never immutable.
  for (const path of ["/people/wang-quanzhang?release=1", "/exports/scores.csv?release=1", "/feeds/changes.atom?release=1"]) {
    expect((await request.get(path)).headers()["cache-control"] ?? "", path).not.toContain("immutable");
  }
});
