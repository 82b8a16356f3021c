import { describe, expect, it } from "vitest";
import { canonicalDashboardQuery } from "@/lib/validation/dashboard-filters";
import { decodeQuery, encodeQuery } from "./published-cache";

describe("query strings as cache path segments", () => {
  it("round-trips filters and any characters, as one URL-safe segment", () => {
    const canonical = canonicalDashboardQuery({ track: "un-hrc", subject: "刘晓波", addressee: "a/b" });
    const segment = encodeQuery(canonical);
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQuery(segment)).toEqual({ track: "un-hrc", addressee: "!", subject: "!" });
    expect(decodeQuery(encodeQuery("track=un-hrc&subject=liu-xia"))).toEqual({ track: "un-hrc", subject: "liu-xia" });
  });

  it("files an empty query under -", () => {
    expect(encodeQuery("")).toBe("-");
    expect(decodeQuery("-")).toEqual({});
  });
});
