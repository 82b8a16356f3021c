// Takes the README's screenshots from a running server: node scripts/readme-screenshots.mjs [baseURL]
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium.mjs";

const baseURL = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const shots = [
  { file: "docs/dashboard.png", viewport: { width: 1280, height: 1500 } },
  { file: "docs/dashboard-phone.png", viewport: { width: 390, height: 1400 } },
];
for (const shot of shots) {
  const page = await browser.newPage({ viewport: shot.viewport });
  await page.goto(baseURL);
  await page.locator(".recharts-line-dot").first().waitFor();
  // The top of the page: what a reader sees first, at a size a README can show.
  await page.screenshot({ path: shot.file });
  console.log(`wrote ${shot.file}`);
}
await browser.close();
