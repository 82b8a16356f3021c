// npm test: typecheck, lint, unit tests, a production build, then end-to-end tests in Chromium.
// Ends with one line "N passed, N failed" totalled over every runner (typecheck, lint and build count as one check each).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./find-chromium.mjs";
import { playwrightFailures, reportFailures, vitestFailures } from "./failed-tests.mjs";

const OUT = path.resolve(".test-output");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.resolve("node_modules/.bin", name);
const tally = { passed: 0, failed: 0 };
// Every failed check and test by name, repeated at the end of this run and of .ci/run's.
const FAILURES = path.join(OUT, "failures.txt");
const failedChecks = [];

function run(title, command, args, extraEnv = {}) {
  console.log(`\n── ${title} ──`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  tally[ok ? "passed" : "failed"] += 1;
  if (!ok) failedChecks.push(title);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

check("typecheck", bin("tsc"), ["--noEmit"]);
check("lint", bin("eslint"), [".", "--max-warnings=0"]);

const vitestReport = path.join(OUT, "vitest.json");
const unitOk = run("unit tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
const unit = readJson(vitestReport);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1);
  reportFailures("npm test: vitest failed", vitestFailures(unit), FAILURES);
  if (!unitOk && unit.numFailedTests === 0) failedChecks.push("vitest (exited non-zero with no failed test)");
} else {
  tally.failed += 1;
  failedChecks.push("vitest (no report)");
}

let chromium = null;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  tally.failed += 1;
}

if (chromium && check("production build", bin("next"), ["build"])) {
  const e2eReport = path.join(OUT, "playwright.json");
  const e2eOk = run("end-to-end tests (Playwright)", bin("playwright"), ["test"], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  const e2e = readJson(e2eReport);
  const stats = e2e?.stats;
  if (stats) {
    tally.passed += stats.expected + stats.flaky;
    tally.failed += stats.unexpected + (e2eOk || stats.unexpected > 0 ? 0 : 1);
    reportFailures("npm test: Playwright failed", playwrightFailures(e2e), FAILURES);
    reportFailures("npm test: Playwright passed only on retry (counted as passed)", playwrightFailures(e2e, { countFlaky: true }).filter((f) => f.endsWith("(flaky: passed on retry)")), FAILURES);
    if (!e2eOk && stats.unexpected === 0) failedChecks.push("Playwright (exited non-zero with no failed test)");
  } else {
    tally.failed += 1;
    failedChecks.push("Playwright (no report)");
  }
}

if (chromium === null) failedChecks.push("no Chromium");
reportFailures("npm test: checks failed", failedChecks, FAILURES);
const summary = `${tally.passed} passed, ${tally.failed} failed`;
writeFileSync(path.join(OUT, "summary.txt"), summary + "\n");
console.log(`\n${summary}`);
process.exit(tally.failed === 0 ? 0 : 1);
