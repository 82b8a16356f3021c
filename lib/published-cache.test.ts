import { describe, expect, it } from "vitest";
import { decodeQuery, encodeQuery } from "./published-cache";

describe("query strings as cache path segments", () => {
  it("round-trips filters, repeated keys and any characters, as one URL-safe segment", () => {
    const search = "?track=un-hrc&subject=%E5%88%98%E6%99%93%E6%B3%A2&x=a%2Fb&x=c+d";
    const segment = encodeQuery(search);
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQuery(segment)).toEqual({ track: "un-hrc", subject: "刘晓波", x: ["a/b", "c d"] });
  });

  it("files an empty query and Next's _rsc cache-buster under the same key as no query", () => {
    expect(encodeQuery("")).toBe("-");
    expect(encodeQuery("?_rsc=abc12")).toBe("-");
    expect(encodeQuery("?track=un-hrc&_rsc=1")).toBe(encodeQuery("?track=un-hrc"));
    expect(decodeQuery("-")).toEqual({});
  });
});
