import { describe, expect, it } from "vitest";
import { base32Decode, totp, totpFromKey, wrongTotp } from "./totp";

// RFC 6238 appendix B, SHA-1: the key is the ASCII of "12345678901234567890"; 8-digit codes.
const KEY = Buffer.from("12345678901234567890");

describe("the tests' TOTP", () => {
  it("matches the RFC 6238 test vectors", () => {
    expect(totpFromKey(KEY, 59_000, 8)).toBe("94287082");
    expect(totpFromKey(KEY, 1_111_111_109_000, 8)).toBe("07081804");
    expect(totpFromKey(KEY, 2_000_000_000_000, 8)).toBe("69279037");
  });

  it("reads base32 as authenticator apps do, spaces and case aside", () => {
    expect(base32Decode("GEZD GNBV gy3t qojq")).toEqual(Buffer.from("1234567890"));
    expect(totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("finds a code that is wrong at and around the moment", () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    const wrong = wrongTotp(secret, 59_000);
    expect(wrong).toMatch(/^\d{6}$/);
    expect([0, 30_000, 60_000, 90_000].map((t) => totp(secret, t))).not.toContain(wrong);
  });
});
