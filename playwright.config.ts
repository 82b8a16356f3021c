import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_PATH } from "./e2e/test-database";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The server re-creates the throwaway database from the seed on every run.
  webServer: {
    command: "node_modules/.bin/tsx scripts/prepare-db.ts --reset && node_modules/.bin/tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), DATABASE_PATH: E2E_DATABASE_PATH, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
