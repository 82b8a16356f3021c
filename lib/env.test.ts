import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFile, readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to data/scorecard.db on port 3000", () => {
    expect(readEnv({})).toEqual({ DATABASE_PATH: "data/scorecard.db", PORT: 3000, SIGN_IN_ATTEMPTS_PER_MINUTE: 5 });
  });

  it("reads DATABASE_PATH and PORT", () => {
    expect(readEnv({ DATABASE_PATH: "/tmp/x.db", PORT: "8080" })).toMatchObject({ DATABASE_PATH: "/tmp/x.db", PORT: 8080 });
  });

  it("refuses a port that is not a port, naming the variable", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("resolves the database file to an absolute path", () => {
    expect(databaseFile({ DATABASE_PATH: "data/x.db" })).toBe(path.resolve("data/x.db"));
  });
});
