import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightFailures, reportFailures, vitestFailures } from "./failed-tests.mjs";

// Shapes as vitest's json reporter and Playwright's json reporter write them (trimmed to the fields read).
const vitestReport = {
  testResults: [
    {
      name: path.join(process.cwd(), "db/queries/a.test.ts"),
      status: "failed",
      message: "",
      assertionResults: [
        { fullName: "scores counts a withdrawn one", title: "counts a withdrawn one", status: "failed" },
        { fullName: "scores keeps the rest", title: "keeps the rest", status: "passed" },
      ],
    },
    { name: path.join(process.cwd(), "lib/b.test.ts"), status: "failed", message: "\nError: Cannot find module './gone'\n    at x", assertionResults: [] },
    { name: path.join(process.cwd(), "lib/c.test.ts"), status: "passed", message: "", assertionResults: [{ fullName: "c", title: "c", status: "passed" }] },
  ],
};

const playwrightReport = {
  suites: [
    {
      title: "security/confidentiality.spec.ts",
      file: "security/confidentiality.spec.ts",
      specs: [
        { title: "searching finds nothing", file: "security/confidentiality.spec.ts", line: 212, tests: [{ projectName: "public", status: "unexpected" }] },
        { title: "a page of its own", file: "security/confidentiality.spec.ts", line: 234, tests: [{ projectName: "public", status: "expected" }] },
      ],
      suites: [
        {
          title: "a round's publishing page",
          file: "security/confidentiality.spec.ts",
          specs: [{ title: "publishes", file: "security/confidentiality.spec.ts", line: 300, tests: [{ projectName: "workflow", status: "flaky" }] }],
        },
      ],
    },
  ],
};

describe("the failed tests named at the end of a run", () => {
  it("names each failed vitest test with its file, and a file that failed to load by its error", () => {
    expect(vitestFailures(vitestReport)).toEqual([
      "db/queries/a.test.ts › scores counts a withdrawn one",
      "lib/b.test.ts › Error: Cannot find module './gone'",
    ]);
  });

  it("names failed Playwright tests with file, line, project and describe titles; retried ones only when asked", () => {
    expect(playwrightFailures(playwrightReport)).toEqual(["security/confidentiality.spec.ts:212 › [public] searching finds nothing"]);
    expect(playwrightFailures(playwrightReport, { countFlaky: true })).toEqual([
      "security/confidentiality.spec.ts:212 › [public] searching finds nothing",
      "security/confidentiality.spec.ts:300 › [workflow] a round's publishing page › publishes (flaky: passed on retry)",
    ]);
  });

  it("appends them under a heading to the file .ci/run repeats, and writes nothing when all passed", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "failed-tests-")), "failures.txt");
    reportFailures("npm test: checks failed", [], file);
    reportFailures("npm test: vitest failed", ["a › b"], file);
    reportFailures("npm test: checks failed", ["lint"], file);
    expect(readFileSync(file, "utf8")).toBe("npm test: vitest failed (1):\n  ✘ a › b\nnpm test: checks failed (1):\n  ✘ lint\n");
  });
});
