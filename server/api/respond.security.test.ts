// The read API's query parsing, fed arbitrary query strings: it never throws, refuses every
// parameter an endpoint does not have (prototype names included) by name, and passes on only
// values its schema accepts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString, PROTOTYPE_KEYS } from "@/lib/testing/hostile-input";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { parseQuery } from "./respond";

describe.each(Object.entries(ENDPOINTS))("query of %s", (_name, endpoint) => {
  const known = Object.keys(endpoint.query.shape);
  const key = fc.oneof(fc.constantFrom(...known), fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 }));

  it("never throws; refuses unknown parameters by name and accepts only what the schema accepts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, hostileString), { maxLength: 6 }), async (pairs) => {
        const params = new URLSearchParams(pairs);
        const result = parseQuery(new Request(`http://localhost${endpoint.path}?${params}`), endpoint.query);
        const unknown = [...new Set(pairs.map(([k]) => k))].filter((k) => !known.includes(k));
        if (result.ok) {
          expect(unknown).toEqual([]);
          expect(endpoint.query.safeParse(result.value).success).toBe(true);
        } else {
          expect(result.response.status).toBe(400);
          const body = (await result.response.json()) as { error: string; problems: string[] };
          expect(body.error).toMatch(/Bad request/);
          for (const k of unknown) expect(body.problems.join("\n")).toContain(`${k}: not a parameter`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(PROTOTYPE_KEYS)("refuses ?%s=1 as an unknown parameter", async (prototypeKey) => {
    const result = parseQuery(new Request(`http://localhost${endpoint.path}?${prototypeKey}=1`), endpoint.query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(((await result.response.json()) as { problems: string[] }).problems).toContain(`${prototypeKey}: not a parameter of this endpoint`);
  });
});
