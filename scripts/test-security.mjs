// npm run test:security: only the security tests — vitest files named *.security.test.ts and the
// Playwright specs in e2e/security/ — against a fresh production build (skip it with --skip-build
// when the build is current). Ends with one line "N passed, N failed". `npm test` runs these too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./find-chromium.mjs";

const OUT = path.resolve(".test-output/security");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.resolve("node_modules/.bin", name);
const tally = { passed: 0, failed: 0 };
const skipBuild = process.argv.includes("--skip-build") && existsSync(".next/BUILD_ID");

function run(title, command, args, extraEnv = {}) {
  console.log(`\n── ${title} ──`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Adds a runner's counts; a runner that failed without reporting a failed test counts as one failure. */
function count(ok, passed, failed) {
  if (passed === null) {
    tally.failed += 1;
    return;
  }
  tally.passed += passed;
  tally.failed += failed + (ok || failed > 0 ? 0 : 1);
}

const vitestReport = path.join(OUT, "vitest.json");
// The positional filter keeps vitest to files whose path contains ".security.test.".
const unitOk = run("security unit tests (vitest)", bin("vitest"), ["run", ".security.test.", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
const unit = readJson(vitestReport);
count(unitOk, unit?.numPassedTests ?? null, unit?.numFailedTests ?? 0);

let chromium = null;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  tally.failed += 1;
}

const built = chromium && (skipBuild || run("production build", bin("next"), ["build"]));
if (chromium && !built) tally.failed += 1;
if (built) {
  const e2eReport = path.join(OUT, "playwright.json");
  const e2eOk = run("security end-to-end tests (Playwright)", bin("playwright"), ["test", "e2e/security"], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  const stats = readJson(e2eReport)?.stats;
  count(e2eOk, stats ? stats.expected + stats.flaky : null, stats?.unexpected ?? 0);
}

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
