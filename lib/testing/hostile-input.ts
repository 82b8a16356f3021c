// Test helpers for the security suite: fast-check arbitraries for what an attacker can send to a
// form, an action or a query string, and a reader of the limits a zod schema declares.
import fc from "fast-check";
import type { z } from "zod";

/** Keys that change an object's prototype or shadow its methods when assigned carelessly. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"] as const;

/** Text a person types in other scripts, with right-to-left marks, emoji and combining characters. */
const UNICODE_SAMPLES = ["刘霞", "Лю Ся", "ليو شيا", "\u202Eevil\u202C", "e\u0301", "👩‍⚖️", "\uFEFF", "\u0000", "\uD800", "ＪＡＶＡＳＣＲＩＰＴ:"];

/** Strings over several thousand characters, up to just over 1 MB, built by repeating a short random piece. */
export const oversizedString = fc
  .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 8 }), fc.constantFrom(301, 2_001, 4_001, 100_001, 1_048_577))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any string an attacker might send: control characters, lone surrogates, markup, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...UNICODE_SAMPLES, ...PROTOTYPE_KEYS, "<script>window.__xss=1</script>", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "'; DROP TABLE users; --", ""), weight: 2 },
  { arbitrary: oversizedString, weight: 1 },
);

/** Any JSON-ish value, including wrong types where a string is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: fc.array(hostileString, { maxLength: 30 }), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt()), weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
);

/** An object as an untrusted body or form would give: own keys only, prototype keys as plain data. */
export function hostileObject(knownKeys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...knownKeys), weight: 4 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  );
  // Object.fromEntries defines own data properties, so "__proto__" arrives as an attacker's JSON.parse would make it.
  return fc.array(fc.tuple(key, hostileValue), { maxLength: 12 }).map((entries) => Object.fromEntries(entries));
}

/** A valid sample with some of its fields replaced by hostile values (or removed): the near misses. */
export function mutatedSample(sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(sample), ...PROTOTYPE_KEYS];
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), fc.option(hostileValue, { nil: undefined, freq: 6 })), { minLength: 1, maxLength: 4 })
    .map((changes) => {
      const result = Object.fromEntries(Object.entries(sample));
      for (const [k, v] of changes) Object.defineProperty(result, k, { value: v, enumerable: true, writable: true, configurable: true });
      return result;
    });
}

type AnyDef = { type: string; [k: string]: unknown };
const defOf = (schema: z.ZodType): AnyDef => (schema as unknown as { _zod: { def: AnyDef } })._zod.def;

function maxCheck(schema: z.ZodType): number | undefined {
  const fromGetter = (schema as unknown as { maxLength?: number | null }).maxLength;
  if (typeof fromGetter === "number") return fromGetter;
  const checks = (defOf(schema).checks ?? []) as Array<{ _zod: { def: { check: string; maximum?: number; length?: number } } }>;
  for (const c of checks) {
    if (c._zod.def.check === "max_length") return c._zod.def.maximum;
    if (c._zod.def.check === "length_equals") return c._zod.def.length;
  }
  return undefined;
}

/**
 * Walks a schema the way input flows through it and lists every string or array that accepts
 * input of any length ("unbounded"), and the largest length any string in it may have.
 */
export function inspectLimits(schema: z.ZodType, path = "input"): { unbounded: string[]; maxString: number } {
  const def = defOf(schema);
  const inner = (s: unknown, p = path) => inspectLimits(s as z.ZodType, p);
  const merge = (parts: Array<{ unbounded: string[]; maxString: number }>) => ({
    unbounded: parts.flatMap((p) => p.unbounded),
    maxString: Math.max(0, ...parts.map((p) => p.maxString)),
  });
  switch (def.type) {
    case "string": {
      const max = maxCheck(schema);
      return max === undefined ? { unbounded: [path], maxString: Infinity } : { unbounded: [], maxString: max };
    }
    case "array": {
      const element = inner(def.element, `${path}[]`);
      return maxCheck(schema) === undefined ? { ...element, unbounded: [...element.unbounded, path] } : element;
    }
    case "object":
      return merge(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => inner(v, `${path}.${k}`)));
    case "pipe":
      // What comes in is bounded by the input side; the output side bounds what comes out.
      return merge([inner(def.in), { unbounded: [], maxString: inspectLimits(def.out as z.ZodType, path).maxString }]);
    case "union":
      return merge((def.options as unknown[]).map((o) => inner(o)));
    case "default":
    case "optional":
    case "nullable":
    case "catch":
    case "prefault":
    case "readonly":
      return inner(def.innerType);
    case "literal":
      return { unbounded: [], maxString: Math.max(0, ...(def.values as unknown[]).map((v) => String(v).length)) };
    case "enum":
      return { unbounded: [], maxString: Math.max(0, ...Object.values(def.entries as Record<string, string>).map((v) => String(v).length)) };
    case "number":
    case "boolean":
    case "transform":
    case "null":
    case "undefined":
      return { unbounded: [], maxString: 0 };
    default:
      return { unbounded: [`${path} (${def.type}: not understood by the test)`], maxString: Infinity };
  }
}

/** Every string anywhere in a value, with its path. */
export function stringLeaves(value: unknown, path = ""): Array<{ path: string; value: string }> {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, path ? `${path}.${k}` : k));
  return [];
}
