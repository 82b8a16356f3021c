// npm run test:pg [-- files…]: the unit and end-to-end tests on PostgreSQL (issue 18). Starts a throwaway
// cluster of Debian's PostgreSQL (initdb and pg_ctl in a temporary directory, as the unprivileged `postgres`
// user when run as root, on a loopback port), runs vitest and then Playwright with DATABASE_URL pointing at
// it, and stops and removes the cluster whatever the outcome. Each test file's database, and each e2e
// server's, is a PostgreSQL database of its own (SCORECARD_PG_DATABASE_PER_FILE, see db/dialect-postgres.ts).
// Without arguments it runs the tests that pass on PostgreSQL: the vitest files of PG_SUITE (NOT_YET_ON_PG
// lists the rest of db/ and why), then the Playwright specs of PG_E2E (what is left out, and why, above
// it); it needs the production build for those, which .ci/run's `npm test` makes in the same checkout
// first. Arguments under e2e/ are Playwright specs, the others vitest files; `--e2e` alone runs only PG_E2E.
// Ends with one line "test:pg: N passed, N failed" counting both runners (also in
// .test-output/pg-summary.txt) and exits non-zero on a failure.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { playwrightFailures, reportFailures, vitestFailures } from "./failed-tests.mjs";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PORT = String(process.env.PG_TEST_PORT ?? 4790);
export const PG_SUITE = [
  "db/transaction.test.ts",
  "db/schema.test.ts",
  "db/public-tables.test.ts",
  "db/prepare.test.ts",
  "db/backup/format.test.ts",
  "db/backup/restore-postgres.test.ts",
  "db/schema-pg/generate.test.ts",
  "db/seed/load.test.ts",
  "db/seed/demo.test.ts",
  "db/seed/scale.test.ts",
  "db/seed/data/integrity.test.ts",
  "db/import/import-csv.test.ts",
  "db/commands/accounts.test.ts",
  "db/commands/rationale-lang.test.ts",
  "db/commands/record-edits.test.ts",
  "db/commands/record-edits-statements.test.ts",
  "db/commands/reference.test.ts",
  "db/commands/reference-edits.test.ts",
  "db/commands/sessions.test.ts",
  "db/commands/two-factor.test.ts",
  "db/commands/releases.test.ts",
  "db/commands/published-aggregates-concurrency.test.ts",
  "db/queries/audit.test.ts",
  "db/queries/chinese-titles.test.ts",
  "db/queries/dashboard-summary.test.ts",
  "db/queries/drafts.test.ts",
  "db/queries/filter-options.test.ts",
  "db/queries/paging.test.ts",
  "db/queries/publishing.test.ts",
  "db/queries/review-carry-forward.test.ts",
  "db/queries/review-concurrency.test.ts",
  "db/queries/scorecard.test.ts",
  "db/queries/translations.test.ts",
  "db/queries/unpublished-rounds.security.test.ts",
  "server/auth/sign-in-database.test.ts",
  // Two `next start` instances on one database behind nginx (needs the production build and nginx).
  "scripts/two-instances.test.ts",
  "app/confidentiality.security.test.ts",
  "server/releases/data-package.test.ts",
];

/**
 * The db/ tests not run here yet, each with what stops it (issue 18). None is SQLite-only as a whole;
 * they fail on PostgreSQL for the app-code or test gaps named, to be moved into PG_SUITE when fixed.
 */
export const NOT_YET_ON_PG = {
  "db/backup/backup.test.ts": "the SQLite restore's own tests (a PostgreSQL target: db/backup/restore-postgres.test.ts); a backup of a PostgreSQL instance is pg_dump's (README)",
  "db/queries/batches.test.ts": "40,000 generated benchmarks took 255 s on PostgreSQL (load 12, statement-level triggers), beyond the suite's budget",
  "db/queries/dashboard-plans.test.ts": "SQLite query plans (EXPLAIN QUERY PLAN): SQLite-only by nature",
  "db/queries/query-plans.test.ts": "SQLite query plans (EXPLAIN QUERY PLAN): SQLite-only by nature",
};

const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? "postgres" : (process.env.USER ?? "postgres");
function run(command, args, options = {}) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0 && !options.mayFail) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr ?? ""}`);
  return result;
}

/**
 * The end-to-end specs run on PostgreSQL, by Playwright's own servers (playwright.config.ts): the production
 * build with DATABASE_URL inherited, each server on a database of its own (its DATABASE_PATH names it,
 * SCORECARD_PG_DATABASE_PER_FILE), migrated and seeded by scripts/prepare-db.ts --reset before it starts.
 * No e2e spec opens the SQLite file any more (4 December): they read the server's database through db/
 * (e2e/test-database.ts readRows, readCount) and plant rows through it (writeRows; e2e/round-fixture.ts
 * plants a scored round), which follows DATABASE_URL; so every spec can run here.
 * In: public pages (releases, loading-and-errors, public-pages, security/framing), sign-in, sessions and
 * password changes (account-self, security/workflow-account), the sign-in limits counted in the database
 * (security/workflow-sign-in-limit), a reviewer scoring and an editor's pages in Chinese, a round's
 * agreement and publishing page included (zh-workspace-workflow), a CSV import (import-workflow), the
 * editor's agreement, rulings and publishing (publishing-workflow), the review form (scoring-workflow), the
 * draft queue (drafts-workflow) and the confidentiality sweep of every public surface (security/confidentiality).
 * On 4 December at load 6-11 on 2 shared cores `node scripts/test-pg.mjs --e2e` took 478 s with the first
 * eight (44 passed) and 847 s with all thirteen (90 passed): the five added cost about 6 minutes.
 * Not here, each for a reason:
 * - time: the end-to-end part may add about 8 minutes to CI, and these five used most of it. Converted to db/ and
 *   not yet tried here: benchmark-scope, dashboard, exports, http-cache, scorecard-paging,
 *   security/server-internals, confidential-texts, edit-reference, edit-statements, extraction and scope
 *   (all pass on SQLite); two-factor, accounts, accessibility, exports-zh, security/headers, chinese-font,
 *   dashboard-loading and favicon passed here on 3 December (`npm run test:pg -- e2e/two-factor.spec.ts`);
 * - workflow, translations-workflow and security/workflow-xss failed here on 4 December on budgets, not on
 *   a wrong answer: two reviewers' scoring (workflow) and the XSS scoring, publishing and retiring each
 *   ran past the 60 s test timeout, and an editor's sign-in had not reached the signed-in page in 10 s
 *   (translations; signIn now allows 30 s, not yet tried here);
 * - i18n: the round page's alternates were not yet in <head> when read (Next streams metadata that
 *   resolves after the shell, which on PostgreSQL's round trips it did);
 * - nginx-cache and dashboard-weight start servers of their own (nginx; a generated database).
 * The build must be there: .ci/run runs `npm test`, which builds, before test:pg in the same checkout; run
 * `next build` first otherwise (scripts/start.ts would build, slowly, inside the server's timeout).
 */
export const PG_E2E = [
  "e2e/releases.spec.ts",
  "e2e/account-self.spec.ts",
  "e2e/zh-workspace-workflow.spec.ts",
  "e2e/loading-and-errors.spec.ts",
  "e2e/security/framing.spec.ts",
  "e2e/security/workflow-account.spec.ts",
  "e2e/security/workflow-sign-in-limit.spec.ts",
  "e2e/import-workflow.spec.ts",
  "e2e/public-pages.spec.ts",
  "e2e/publishing-workflow.spec.ts",
  "e2e/scoring-workflow.spec.ts",
  "e2e/drafts-workflow.spec.ts",
  "e2e/security/confidentiality.spec.ts",
];

function runVitest(files, env, out) {
  const report = path.join(out, "pg-vitest.json");
  rmSync(report, { force: true });
  // A PostgreSQL round trip per statement makes the seeded tests slower than on SQLite's file (the generated-data
  // scorecard test took over 60 s at load 13): a longer timeout, same assertions. Speed is the bench's business.
  const vitest = spawnSync(
    "node_modules/.bin/vitest",
    ["run", "--testTimeout=180000", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...files],
    { stdio: "inherit", env },
  );
  try {
    const results = JSON.parse(readFileSync(report, "utf8"));
    reportFailures("test:pg: vitest failed", vitestFailures(results), path.join(out, "pg-failures.txt"));
    return { passed: results.numPassedTests, failed: results.numFailedTests + (vitest.status === 0 || results.numFailedTests > 0 ? 0 : 1) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function runE2e(specs, env, out) {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("test:pg: no production build (.next/BUILD_ID): the end-to-end part counts as one failure. Run next build first.");
    return { passed: 0, failed: 1 };
  }
  const report = path.join(out, "pg-e2e.json");
  rmSync(report, { force: true });
  const result = spawnSync(
    "node_modules/.bin/playwright",
    ["test", ...specs, "--project=workflow", "--project=public", "--no-deps", "--reporter=line,json"],
    { stdio: "inherit", env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report } },
  );
  try {
    const e2e = JSON.parse(readFileSync(report, "utf8"));
    const { stats } = e2e;
    // Flaky counts as failed here (as below), so it is listed with the failures.
    reportFailures("test:pg: Playwright failed", playwrightFailures(e2e, { countFlaky: true }), path.join(out, "pg-failures.txt"));
    const failed = stats.unexpected + stats.flaky + (result.status === 0 || stats.unexpected > 0 ? 0 : 1);
    return { passed: stats.expected, failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

if (!existsSync(path.join(BIN, "initdb"))) {
  console.error(`No PostgreSQL at ${BIN}: apt-get install postgresql (or set PG_BIN).`);
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), "scorecard-pg-"));
chmodSync(dir, 0o777);
const data = path.join(dir, "data");
let status = 1;
try {
  run(path.join(BIN, "initdb"), ["-D", data, "-A", "trust", "-U", pgUser, "-E", "UTF8", "--no-sync"], { quiet: true });
  run(path.join(BIN, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start"], { quiet: true });
  run(path.join(BIN, "createdb"), ["-h", "127.0.0.1", "-p", PORT, "-U", pgUser, "scorecard_test"]);
  // Arguments under e2e/ are Playwright specs, the others vitest files; --e2e alone runs only the end-to-end set.
  const args = process.argv.slice(2);
  const e2eOnly = args.includes("--e2e");
  const files = args.filter((a) => a !== "--e2e");
  const specs = files.filter((f) => f.startsWith("e2e/"));
  const unitFiles = files.filter((f) => !f.startsWith("e2e/"));
  // On PostgreSQL the auth secret must be given (server/auth/secret.ts): the end-to-end servers share one.
  const env = {
    ...process.env,
    DATABASE_URL: `postgres://${pgUser}@127.0.0.1:${PORT}/scorecard_test`,
    SCORECARD_PG_DATABASE_PER_FILE: "1",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "test-pg-auth-secret-shared-by-every-server-of-the-run",
  };
  const out = path.resolve(".test-output");
  mkdirSync(out, { recursive: true });
  rmSync(path.join(out, "pg-failures.txt"), { force: true });
  let passed = 0;
  let failed = 0;
  if (unitFiles.length || (!files.length && !e2eOnly)) {
    const unit = runVitest(unitFiles.length ? unitFiles : PG_SUITE, env, out);
    passed += unit.passed;
    failed += unit.failed;
  }
  if (specs.length || !files.length) {
    const e2e = runE2e(specs.length ? specs : PG_E2E, env, out);
    passed += e2e.passed;
    failed += e2e.failed;
  }
  const summary = `test:pg: ${passed} passed, ${failed} failed`;
  writeFileSync(path.join(out, "pg-summary.txt"), `${passed} passed, ${failed} failed\n`);
  if (!files.length && !e2eOnly) console.log(`\nNot yet run on PostgreSQL (${Object.keys(NOT_YET_ON_PG).length} files):\n${Object.entries(NOT_YET_ON_PG).map(([f, why]) => `  ${f}: ${why}`).join("\n")}`);
  console.log(`\n${summary}`);
  status = failed === 0 ? 0 : 1;
} finally {
  run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], { quiet: true, mayFail: true });
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
