// Every zod schema at a boundary (forms, server actions, the read API's queries), fed what an
// attacker would send: wrong types, prototype-pollution keys, control characters, unicode, 1 MB
// strings. Parsing never throws; it either refuses with issues or gives a value that keeps to the
// limits the schema declares. Each schema must declare a maximum for every string and list.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { newAccountSchema } from "@/server/auth/accounts";
import { hostileObject, hostileString, hostileValue, inspectLimits, mutatedSample, PROTOTYPE_KEYS, stringLeaves } from "@/lib/testing/hostile-input";
import { QUEUE_VIEWS } from "@/lib/review";
import { changePasswordSchema } from "./account";
import { assessmentApiSchema, assessmentFormSchema, carryForwardSchema, evidenceUrlSchema, queueViewSchema } from "./assessment";
import { auditFiltersSchema } from "./audit-filters";
import { dashboardFiltersSchema, FILTER_KEYS, parseDashboardFilters } from "./dashboard-filters";
import {
  confidentialitySchema,
  deadlineSchema,
  decisionSchema,
  minCoverageSchema,
  newCategorySchema,
  newRoundSchema,
  newSubjectEventSchema,
  newSubjectSchema,
  newTrackSchema,
  publishSchema,
  retireBenchmarkSchema,
} from "./editor";
import { parseScorecardParams } from "./scorecard-params";
import { parseSearchTerm } from "./search";
import { approveDraftSchema, editDraftBenchmarkSchema, editDraftStatementSchema, mergeDraftSchema, rejectDraftSchema } from "./drafts";
import { addSourceSchema, confirmDemandSchema, newStatementSchema } from "./statement";

const MEGABYTE = "x".repeat(1_048_577);

/** Each schema with a valid sample, and the output keys its transform adds, if any. */
const SCHEMAS: Record<string, { schema: z.ZodType; sample: Record<string, unknown>; outputKeys?: string[] }> = {
  assessmentFormSchema: {
    schema: assessmentFormSchema,
    sample: { roundSlug: "hrc-37", benchmarkSlug: "release-liu-xia", expectedLatestId: "0", status: "partial", rationale: "Released on bail, still under watch.", evidenceUrl: ["https://example.org/a"], evidenceTitle: ["A report"], evidenceDate: ["2018-07-10"] },
    outputKeys: ["evidence"],
  },
  carryForwardSchema: { schema: carryForwardSchema, sample: { roundSlug: "hrc-37", chosen: ["release-liu-xia:0", "end-rsdl:12"] } },
  assessmentApiSchema: {
    schema: assessmentApiSchema,
    sample: { round: "hrc-37", benchmark: "release-liu-xia", expectedLatestId: 0, status: "partial", rationale: "Released on bail, still under watch.", evidence: [{ url: "https://example.org/a", title: "A report", publishedOn: "2018-07-10" }] },
  },
  dashboardFiltersSchema: { schema: dashboardFiltersSchema, sample: { track: "un-hrc", addressee: "chinese_government", subject: "liu-xia" } },
  auditFiltersSchema: { schema: auditFiltersSchema, sample: { user: "demo-editor", entity: "published_score", entityId: "49@8", from: "2026-01-01", to: "2026-01-31" } },
  newRoundSchema: {
    schema: newRoundSchema,
    sample: { trackSlug: "un-hrc", slug: "hrc-41", name: "Human Rights Council, 41st session", location: "Geneva", startDate: "2019-06-24", endDate: "", datePrecision: "month", scoringDeadline: "" },
  },
  deadlineSchema: { schema: deadlineSchema, sample: { roundSlug: "hrc-37", scoringDeadline: "2026-12-31" } },
  decisionSchema: {
    schema: decisionSchema,
    sample: { roundSlug: "hrc-37", benchmarkSlug: "release-liu-xia", expectedDecisionId: "0", stands: "own", status: "partial", rationale: "Released on bail, still under watch.", evidenceUrl: ["https://example.org/a"], evidenceTitle: ["A report"], evidenceDate: [""], note: "Public reporting settles it." },
    outputKeys: ["choice"],
  },
  publishSchema: { schema: publishSchema, sample: { roundSlug: "hrc-37", confirm: "yes", acceptPreliminary: "yes" } },
  minCoverageSchema: { schema: minCoverageSchema, sample: { minCoveragePercent: "60" } },
  newTrackSchema: { schema: newTrackSchema, sample: { slug: "eu-china", name: "EU–China Human Rights Dialogue", shortName: "EU–China", description: "" } },
  newCategorySchema: { schema: newCategorySchema, sample: { slug: "religion", name: "Freedom of religion", description: "Worship and belief." } },
  newSubjectSchema: {
    schema: newSubjectSchema,
    sample: { kind: "person", slug: "a-person", name: "A Person", nameZh: "某人", role: "Lawyer", article: "", description: "Held since 2015.", confidential: "yes" },
  },
  newSubjectEventSchema: {
    schema: newSubjectEventSchema,
    sample: { subjectSlug: "liu-xia", kind: "released", occurredOn: "2018-07-10", datePrecision: "day", description: "Left for Berlin.", sourceUrl: "https://example.org/news" },
  },
  retireBenchmarkSchema: { schema: retireBenchmarkSchema, sample: { benchmarkSlug: "release-liu-xia", retiredOn: "2018-07-10", retiredReason: "Released and abroad." } },
  confidentialitySchema: { schema: confidentialitySchema, sample: { target: "subject:zhu-yufu", confidential: "yes" } },
  newStatementSchema: {
    schema: newStatementSchema,
    sample: { title: "A joint letter", kind: "ngo_joint_letter", date: "2019-01-15", datePrecision: "day", language: "en", sourceUrl: "https://example.org/letter", roundSlug: "hrc-37", publishers: "Group One; Group Two", summary: "", fullText: "1. Release everyone held for speech." },
  },
  confirmDemandSchema: {
    schema: confirmDemandSchema,
    sample: { statementSlug: "a-letter", candidateKey: "0123456789abcdef0123456789abcdef", demand: "Let experts visit freely.", title: "UN experts visit freely", categorySlug: "international-access-and-accountability", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", subjectSlugs: ["liu-xia"] },
  },
  addSourceSchema: { schema: addSourceSchema, sample: { statementSlug: "a-letter", candidateKey: "0123456789abcdef0123456789abcdef", benchmarkSlug: "release-liu-xia", demand: "Free her, as asked before." } },
  approveDraftSchema: { schema: approveDraftSchema, sample: { target: "source:release-liu-xia@a-letter" } },
  rejectDraftSchema: { schema: rejectDraftSchema, sample: { target: "statement:a-letter", reason: "A duplicate of an earlier letter." } },
  editDraftStatementSchema: {
    schema: editDraftStatementSchema,
    sample: { slug: "a-letter", title: "A joint letter", kind: "government_statement", date: "2019-01-15", datePrecision: "day", language: "en", sourceUrl: "https://example.org/letter", summary: "" },
  },
  editDraftBenchmarkSchema: {
    schema: editDraftBenchmarkSchema,
    sample: { slug: "free-her", title: "Free her at once", categorySlug: "release-of-detained-people", addressee: "chinese_government", appliesFromRoundSlug: "hrc-37", statementSlug: "a-letter", demand: "Free her." },
  },
  mergeDraftSchema: { schema: mergeDraftSchema, sample: { slug: "free-her", intoSlug: "release-liu-xia" } },
  newAccountSchema: { schema: newAccountSchema, sample: { email: "new@example.org", name: "New Reviewer", role: "reviewer", password: "a-long-password" } },
  changePasswordSchema: { schema: changePasswordSchema, sample: { currentPassword: "the-old-password", newPassword: "a-new-long-password", revokeOtherSessions: true } },
  ...Object.fromEntries(
    Object.entries(ENDPOINTS).map(([name, endpoint]) => [
      `${name} API query`,
      { schema: endpoint.query, sample: Object.fromEntries(new URLSearchParams(endpoint.example)) },
    ]),
  ),
};

// Nothing a parse does may add a property to every object in the process.
let prototypeBefore: string[];
beforeEach(() => {
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => {
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type === "pipe") return shapeOf(def.in!);
  return def.shape ?? {};
};

/** An accepted value keeps to the limits: known keys only, and no string longer than its field allows. */
function expectWithinLimits(name: string, output: unknown) {
  const { schema, outputKeys = [] } = SCHEMAS[name]!;
  const shape = shapeOf(schema);
  expect(output && typeof output === "object" && !Array.isArray(output)).toBe(true);
  for (const key of Object.keys(output as object)) expect([...Object.keys(shape), ...outputKeys], `${name}: output key ${key}`).toContain(key);
  expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  const overall = inspectLimits(schema).maxString;
  for (const [key, value] of Object.entries(output as object)) {
    const bound = shape[key] ? inspectLimits(shape[key]).maxString : overall;
    // zod measures strings in code points (an emoji counts once), so the limits are in code points too.
    for (const leaf of stringLeaves(value, key)) expect([...leaf.value].length, `${name}: ${leaf.path}`).toBeLessThanOrEqual(bound);
  }
}

describe.each(Object.keys(SCHEMAS))("%s", (name) => {
  const { schema, sample } = SCHEMAS[name]!;

  it("accepts its valid sample (so the refusals below are about the input, not the sample)", () => {
    const parsed = schema.safeParse(sample);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expectWithinLimits(name, parsed.data);
  });

  it("declares a maximum length for every string and list it accepts", () => {
    expect(inspectLimits(schema).unbounded).toEqual([]);
  });

  it("never throws on arbitrary input; accepts only values within its limits", () => {
    const keys = Object.keys(shapeOf(schema));
    fc.assert(
      fc.property(fc.oneof(hostileObject(keys.length ? keys : ["x"]), mutatedSample(sample), hostileValue), (input) => {
        const parsed = schema.safeParse(input);
        if (parsed.success) {
          expectWithinLimits(name, parsed.data);
        } else {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refuses 1 MB in any field with a message on that field", () => {
    const keys = [...new Set([...Object.keys(shapeOf(schema)), ...Object.keys(sample)])];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const value = Array.isArray(sample[key]) ? (typeof (sample[key] as unknown[])[0] === "object" ? [{ ...(sample[key] as object[])[0], title: MEGABYTE }] : [MEGABYTE]) : MEGABYTE;
      const parsed = schema.safeParse({ ...sample, [key]: value });
      expect(parsed.success, `${name}.${key}`).toBe(false);
      const messages = parsed.error!.issues.filter((i) => i.path[0] === key).map((i) => i.message);
      expect(messages.length, `${name}.${key}: ${JSON.stringify(parsed.error!.issues)}`).toBeGreaterThan(0);
    }
  });

  it("treats prototype keys as unknown fields, never as the object's prototype", () => {
    const expected = schema.parse(sample);
    for (const key of PROTOTYPE_KEYS) {
      const input = JSON.parse(`{"${key}": {"polluted": "yes"}}`) as Record<string, unknown>;
      const parsed = schema.safeParse({ ...Object.fromEntries(Object.entries(sample)), ...input });
      // A lenient schema drops the key; a strict one refuses it by name.
      if (parsed.success) expect(parsed.data, key).toEqual(expected);
      else expect(parsed.error.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
    }
  });
});

describe("evidence addresses", () => {
  it("accept only http and https, in any spelling an attacker tries", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("javascript", "JavaScript", " javascript", "java\tscript", "data", "vbscript", "file", "ftp", "blob"),
        fc.string({ maxLength: 20 }),
        (scheme, rest) => {
          expect(evidenceUrlSchema.safeParse(`${scheme}:${rest}`).success).toBe(false);
        },
      ),
    );
    expect(evidenceUrlSchema.safeParse("https://example.org/report").success).toBe(true);
  });
});

describe("parsers of the URL's query", () => {
  const params = fc.dictionary(fc.oneof(fc.constantFrom(...FILTER_KEYS, "sort", "status", "category", "q", ...PROTOTYPE_KEYS), fc.string()), fc.oneof(hostileString, fc.array(hostileString)), {
    noNullPrototype: true,
  }) as fc.Arbitrary<Record<string, string | string[] | undefined>>;

  it("dashboard filters: never throw; keep only well-formed identifiers and name each value they drop", () => {
    fc.assert(
      fc.property(params, (input) => {
        const { filters, problems } = parseDashboardFilters(input);
        for (const [key, value] of Object.entries(filters)) {
          expect(FILTER_KEYS).toContain(key);
          expect(dashboardFiltersSchema.shape[key as keyof typeof filters].safeParse(value).success).toBe(true);
        }
        for (const problem of problems) expect(problem.length).toBeLessThan(200);
      }),
    );
  });

  it("review queue view: never throws; anything unknown shows the whole round", () => {
    fc.assert(
      fc.property(params, (input) => {
        expect(QUEUE_VIEWS).toContain(queueViewSchema.parse(input.show));
      }),
    );
    expect(queueViewSchema.parse("disagreements")).toBe("disagreements");
    expect(queueViewSchema.parse(["scored", "all"])).toBe("all");
  });

  it("scorecard sort and filter: never throw; unknown values fall back to the default view", () => {
    fc.assert(
      fc.property(params, (input) => {
        const view = parseScorecardParams(input);
        expect(["category", "status", "title"]).toContain(view.sort);
        if (view.category !== undefined) expect(view.category).toMatch(/^[a-z0-9-]{1,120}$/);
      }),
    );
  });

  it("search terms: never throw; at most 100 characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(undefined), hostileString, fc.array(hostileString)), (raw) => {
        expect(parseSearchTerm(raw).length).toBeLessThanOrEqual(100);
      }),
    );
  });
});
