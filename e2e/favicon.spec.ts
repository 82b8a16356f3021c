import { expect, test } from "@playwright/test";

test("every page names an icon, and the browser's default /favicon.ico exists", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  const icon = page.locator('head link[rel="icon"]').first();
  const href = await icon.getAttribute("href");
  expect(href).toBeTruthy();
  const iconResponse = await page.request.get(href!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toMatch(/^image\//);
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/rounds/hrc-37");
  expect(missing).toEqual([]);
});
