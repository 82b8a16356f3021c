// npm run test:pg [-- vitest files…]: the unit tests on PostgreSQL (issue 18). Starts a throwaway cluster
// of Debian's PostgreSQL (initdb and pg_ctl in a temporary directory, as the unprivileged `postgres`
// user when run as root, on a loopback port), runs vitest with DATABASE_URL pointing at it, and stops
// and removes the cluster whatever the outcome. Each test's database is a PostgreSQL database of its own
// (SCORECARD_PG_DATABASE_PER_FILE, see db/dialect-postgres.ts). Without file arguments it runs the
// db/ tests that go through openDatabase, the ones ported so far (PG_SUITE).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const PORT = String(process.env.PG_TEST_PORT ?? 4790);
export const PG_SUITE = ["db/seed/load.test.ts"];

const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? "postgres" : (process.env.USER ?? "postgres");
function run(command, args, options = {}) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0 && !options.mayFail) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr ?? ""}`);
  return result;
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
  const files = process.argv.slice(2);
  const env = { ...process.env, DATABASE_URL: `postgres://${pgUser}@127.0.0.1:${PORT}/scorecard_test`, SCORECARD_PG_DATABASE_PER_FILE: "1" };
  const vitest = spawnSync("node_modules/.bin/vitest", ["run", ...(files.length ? files : PG_SUITE)], { stdio: "inherit", env });
  status = vitest.status ?? 1;
} finally {
  run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], { quiet: true, mayFail: true });
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
