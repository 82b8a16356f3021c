import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("lower-cases, drops accents and punctuation, joins with hyphens", () => {
    expect(slugify("End Liu Xia's house arrest")).toBe("end-liu-xia-s-house-arrest");
    expect(slugify("  Réforme — Article 73!  ")).toBe("reforme-article-73");
  });

  it("cuts long titles at a word boundary hyphen and never returns an empty slug", () => {
    expect(slugify("a".repeat(100)).length).toBe(60);
    expect(slugify("刘霞")).toBe("item");
  });

  it("adds the lowest free number when the slug is taken", async () => {
    const taken = new Set(["release-x", "release-x-2"]);
    expect(await uniqueSlug("Release X", (s) => taken.has(s))).toBe("release-x-3");
    expect(await uniqueSlug("Release Y", (s) => taken.has(s))).toBe("release-y");
  });
});
