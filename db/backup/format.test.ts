import { describe, expect, it } from "vitest";
import { BackupError, decodeValue, encodeRow, encodeValue } from "./format";

describe("backup value encoding", () => {
  it("writes integers as JSON numbers and reads them back as integers", () => {
    expect(encodeValue(42n)).toBe(42);
    expect(decodeValue(42)).toBe(42n);
    expect(decodeValue(encodeValue(-7n))).toBe(-7n);
  });

  it("tags integers beyond 2^53 so no digit is lost", () => {
    const big = 2n ** 62n + 1n;
    expect(encodeValue(big)).toEqual({ $int: "4611686018427387905" });
    expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(big))))).toBe(big);
  });

  it("tags reals, so 1.0 stays a real and is not read back as the integer 1", () => {
    expect(encodeValue(1)).toEqual({ $real: 1 });
    expect(decodeValue({ $real: 1 })).toBe(1);
    expect(typeof decodeValue({ $real: 1.5 })).toBe("number");
    expect(decodeValue(encodeValue(Number.POSITIVE_INFINITY))).toBe(Number.POSITIVE_INFINITY);
  });

  it("writes blobs as base64 and text as text", () => {
    const blob = Buffer.from([0, 1, 2, 255]);
    expect(encodeValue(blob)).toEqual({ $blob: "AAEC/w==" });
    expect(decodeValue({ $blob: "AAEC/w==" })).toEqual(blob);
    expect(decodeValue("中文 text")).toBe("中文 text");
    expect(decodeValue(null)).toBeNull();
  });

  it("encodes a row as one line of JSON", () => {
    expect(encodeRow([1n, "a\nb", null, 2.5])).toBe('[1,"a\\nb",null,{"$real":2.5}]');
  });

  it("refuses values it did not write", () => {
    expect(() => decodeValue(1.5)).toThrow(BackupError);
    expect(() => decodeValue(true)).toThrow(BackupError);
    expect(() => decodeValue([1])).toThrow(BackupError);
    expect(() => decodeValue({ $int: "12x" })).toThrow(BackupError);
    expect(() => decodeValue({ $blob: "AA==", extra: 1 })).toThrow(BackupError);
  });
});
