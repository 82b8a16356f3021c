// Another site framing the app: the embeddable charts load, the rest of the app refuses.
import { expect, test } from "@playwright/test";
import config from "../../playwright.config";

// The embedding page is served by the test from a public-looking host; Chromium's local-network checks
// would otherwise stop any public page from framing the app on 127.0.0.1, whatever its headers say.
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), "--disable-features=LocalNetworkAccessChecks"] } });

test("another site can frame an embedded chart but not the dashboard", async ({ page, baseURL }) => {
  await page.route("http://embedder.test/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Embedder</title>
        <iframe id="embed" src="${baseURL}/embed/fulfilment" width="600" height="400"></iframe>
        <iframe id="dashboard" src="${baseURL}/" width="600" height="400"></iframe>`,
    }),
  );
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors")) refused.push(message.text());
  });
  await page.goto("http://embedder.test/");
  await expect(page.frameLocator("#embed").getByTestId("embed").locator(".recharts-surface")).toBeVisible();
  await expect(page.frameLocator("#dashboard").getByRole("heading", { level: 1 })).toHaveCount(0);
  await expect.poll(() => refused.join("\n")).toContain("frame-ancestors 'none'");
});
