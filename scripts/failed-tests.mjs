// The names of the tests a run failed, read from vitest's and Playwright's JSON reports, so that the end of a
// CI log (often all that is kept of it) says which tests failed and not only how many.
import { appendFileSync } from "node:fs";

/** "file › test name" for every failed vitest test (a file that failed to load counts under its own name). */
export function vitestFailures(report) {
  const failures = [];
  for (const file of report?.testResults ?? []) {
    const name = relative(file.name);
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const test of failedTests) failures.push(`${name} › ${test.fullName ?? test.title}`);
    if (!failedTests.length && file.status === "failed") failures.push(`${name} › ${firstLine(file.message) || "the file failed"}`);
  }
  return failures;
}

/** "file:line › [project] title" for every Playwright test that did not pass at once (countFlaky: retried ones too). */
export function playwrightFailures(report, { countFlaky = false } = {}) {
  const failures = [];
  const bad = new Set(countFlaky ? ["unexpected", "flaky"] : ["unexpected"]);
  const walk = (suite, titles) => {
    const here = suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (!bad.has(test.status)) continue;
        const flaky = test.status === "flaky" ? " (flaky: passed on retry)" : "";
        failures.push(`${spec.file}:${spec.line} › [${test.projectName}] ${[...here, spec.title].join(" › ")}${flaky}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return failures;
}

/** Prints the failures under a heading and appends them to a file that .ci/run repeats at its end. */
export function reportFailures(heading, failures, file) {
  if (!failures.length) return;
  const text = `${heading} (${failures.length}):\n${failures.map((f) => `  ✘ ${f}`).join("\n")}\n`;
  console.log(`\n${text}`);
  appendFileSync(file, text);
}

function relative(file) {
  const cwd = process.cwd() + "/";
  return file?.startsWith(cwd) ? file.slice(cwd.length) : file;
}

function firstLine(message) {
  return String(message ?? "").split("\n").find((line) => line.trim())?.trim().slice(0, 200) ?? "";
}
