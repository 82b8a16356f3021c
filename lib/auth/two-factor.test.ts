import { describe, expect, it } from "vitest";
import { mustEnrolTwoFactor } from "./two-factor";

describe("mustEnrolTwoFactor", () => {
  it("sends an account without two-factor sign-in to enrol only while editors require it", () => {
    expect(mustEnrolTwoFactor({ twoFactorEnabled: false }, { requireTwoFactor: true })).toBe(true);
    expect(mustEnrolTwoFactor({ twoFactorEnabled: false }, { requireTwoFactor: false })).toBe(false);
  });

  it("lets an enrolled account through whether or not it is required", () => {
    expect(mustEnrolTwoFactor({ twoFactorEnabled: true }, { requireTwoFactor: true })).toBe(false);
    expect(mustEnrolTwoFactor({ twoFactorEnabled: true }, { requireTwoFactor: false })).toBe(false);
  });
});
