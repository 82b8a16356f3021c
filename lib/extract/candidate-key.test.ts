import { describe, expect, it } from "vitest";
import { CANDIDATE_KEY_PATTERN, candidateKey, candidateKeys } from "./candidate-key";

describe("candidate keys", () => {
  it("are the same on every load of the same statement and text", () => {
    expect(candidateKey(7, "Release Liu Xia.")).toBe(candidateKey(7, "Release  Liu\nXia."));
    expect(candidateKey(7, "Release Liu Xia.")).toMatch(CANDIDATE_KEY_PATTERN);
  });

  it("differ between statements, texts and repeated occurrences", () => {
    const keys = new Set([candidateKey(7, "Release Liu Xia."), candidateKey(8, "Release Liu Xia."), candidateKey(7, "Release Ilham Tohti."), candidateKey(7, "Release Liu Xia.", 1)]);
    expect(keys.size).toBe(4);
  });

  it("tell a repeated sentence's occurrences apart, in order", () => {
    const keys = candidateKeys(3, [{ text: "Free them." }, { text: "Repeal it." }, { text: "Free  them." }]);
    expect(keys).toEqual([candidateKey(3, "Free them.", 0), candidateKey(3, "Repeal it.", 0), candidateKey(3, "Free them.", 1)]);
  });
});
