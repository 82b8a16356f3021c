import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_PATH, E2E_WORKFLOW_DATABASE_PATH } from "./e2e/test-database";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The workflow tests publish rounds; they run against their own server and database so that the
// public-page tests, which compare pages with the database, never see a round change under them.
const WORKFLOW_PORT = PORT + 1;

const server = (port: number, database: string) => ({
  // Each server re-creates its throwaway database from the seed on every run.
  command: "node_modules/.bin/tsx scripts/prepare-db.ts --reset && node_modules/.bin/tsx scripts/start.ts",
  url: `http://127.0.0.1:${port}`,
  reuseExistingServer: false,
  timeout: 120_000,
  env: {
    PORT: String(port),
    DATABASE_PATH: database,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    SCORECARD_EDITOR_EMAIL: "editor@example.org",
    SCORECARD_EDITOR_PASSWORD: "editor-password-1",
    SCORECARD_EDITOR_NAME: "Erin Editor",
    // Tests sign in often, and the server cannot tell their clients apart (no TRUST_PROXY): the
    // per-account limit is tested with an account of its own, the shared bucket in vitest.
    SIGN_IN_ATTEMPTS_PER_MINUTE: "30",
    SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: "1000",
  },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Budgets for a loaded 2-core machine (two workers, two app servers, Chromium): a sign-in followed
  // by the page it leads to took over 5 s there, and the longest workflows over 30 s. Speed is the
  // bench's business (scripts/bench.ts); these only bound a hang.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
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
  projects: [
    { name: "public", testIgnore: /workflow/, grepInvert: /@exclusive/, use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: "workflow", testMatch: /workflow/, use: { baseURL: `http://127.0.0.1:${WORKFLOW_PORT}` } },
    // Tests that change a setting for every account (requiring two-factor sign-in): alone, after all the others.
    { name: "exclusive", testIgnore: /workflow/, grep: /@exclusive/, dependencies: ["public", "workflow"], use: { baseURL: `http://127.0.0.1:${PORT}` } },
  ],
  webServer: [server(PORT, E2E_DATABASE_PATH), server(WORKFLOW_PORT, E2E_WORKFLOW_DATABASE_PATH)],
});
