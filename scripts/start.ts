// npm start: build once if there is no production build, prepare the database, then serve
// (scripts/serve.mjs, on HOST and PORT).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describeDatabase } from "@/db/dialect";
import { prepareDatabase } from "@/db/prepare";
import { ensureFirstEditor } from "@/server/auth/first-editor";
import { authSecret } from "@/server/auth/secret";
import { databaseFile, readEnv } from "@/lib/env";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const env = readEnv();
try {
  // Before anything else: on PostgreSQL a missing shared secret would otherwise fail only at the first sign-in.
  authSecret(databaseFile());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const nextBin = path.resolve("node_modules/next/dist/bin/next");

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running next build (about 30 s) …");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { file, seeded } = await prepareDatabase(databaseFile());
console.log(seeded ? `Created and seeded ${describeDatabase(file)} (${seeded.benchmarks} benchmarks).` : `Using ${describeDatabase(file)}.`);
const firstEditor = await ensureFirstEditor();
if (firstEditor) console.log(`Created the first editor account, ${firstEditor}.`);

const server = spawn(process.execPath, [path.resolve("scripts/serve.mjs")], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(env.PORT), HOST: env.HOST },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
