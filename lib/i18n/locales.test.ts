import { describe, expect, it } from "vitest";
import { isUnlocalizedPath, splitLocale } from "./locales";

describe("which addresses carry a locale", () => {
  it("leaves route handlers, embeds, Next's files and files with an extension outside the locale segment", () => {
    for (const path of ["/api/v1/summary", "/exports/scores.csv", "/embed/fulfilment", "/_next/static/x.js", "/feeds/changes.atom", "/releases/2/datapackage.zip"]) {
      expect(isUnlocalizedPath(path), path).toBe(true);
    }
  });

  it("localizes every page, the data-and-API page /api among them (its address is also a route prefix)", () => {
    for (const path of ["/", "/api", "/method", "/releases", "/releases/2", "/rounds/hrc-37", "/zh/api"]) expect(isUnlocalizedPath(path), path).toBe(false);
  });

  it("splits the locale off a Chinese address and leaves an English one whole", () => {
    expect(splitLocale("/zh/api")).toEqual({ locale: "zh", path: "/api" });
    expect(splitLocale("/zh")).toEqual({ locale: "zh", path: "/" });
    expect(splitLocale("/api")).toEqual({ locale: null, path: "/api" });
  });
});
