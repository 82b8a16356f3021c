import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ENDPOINTS } from "./endpoints";
import { benchmarkSchema, errorSchema, langQuerySchema, pageQuerySchema, releaseDetailSchema } from "./schemas";

/** The one address of a single record the API has (app/api/v1/benchmarks/[slug]/route.ts): a merged benchmark's address leads on. */
export const ONE_BENCHMARK_PATH = "/api/v1/benchmarks/{slug}";

/** One release with its changelog (app/api/v1/releases/[number]/route.ts). */
export const ONE_RELEASE_PATH = "/api/v1/releases/{number}";

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  for (const endpoint of Object.values(ENDPOINTS)) {
    registry.registerPath({
      method: "get",
      path: endpoint.path,
      summary: endpoint.summary,
      request: { query: endpoint.query },
      responses: {
        200: { description: "Published data only; confidential people and benchmarks never appear.", content: { "application/json": { schema: endpoint.response } } },
        304: { description: "Not modified since the ETag sent in If-None-Match." },
        400: { description: "A malformed or unknown query parameter; nothing else is answered.", content: { "application/json": { schema: errorSchema } } },
      },
    });
  }
  registry.registerPath({
    method: "get",
    path: ONE_BENCHMARK_PATH,
    summary: "One public benchmark by its identifier; one merged into another answers 308 with the kept one's address",
    request: { params: z.object({ slug: z.string().openapi({ description: "The benchmark's identifier, as in /api/v1/benchmarks" }) }), query: langQuerySchema },
    responses: {
      200: { description: "The benchmark, shaped as an item of /api/v1/benchmarks.", content: { "application/json": { schema: z.object({ data: benchmarkSchema }) } } },
      308: {
        description: "Merged into another benchmark: Location and the body give the kept one's address, where its sources and scores now are.",
        content: { "application/json": { schema: z.object({ mergedInto: z.string(), location: z.string(), message: z.string() }) } },
      },
      404: { description: "No public benchmark has this identifier (confidential, draft and unknown ones answer alike).", content: { "application/json": { schema: z.object({ error: z.string() }) } } },
    },
  });
  registry.registerPath({
    method: "get",
    path: ONE_RELEASE_PATH,
    summary: "One release and its changelog: which published scores changed from the previous release (before → after, rationale), a page at a time",
    request: { params: z.object({ number: z.string().openapi({ description: "The release number, as in /api/v1/releases" }) }), query: pageQuerySchema },
    responses: {
      200: { description: "The release; the changes of public benchmarks only.", content: { "application/json": { schema: releaseDetailSchema } } },
      304: { description: "Not modified since the ETag sent in If-None-Match." },
      400: { description: "A malformed or unknown query parameter.", content: { "application/json": { schema: errorSchema } } },
      404: { description: "No release has this number.", content: { "application/json": { schema: z.object({ error: z.string() }) } } },
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Dialogue Scorecard read API",
      version: "1.0.0",
      description:
        "Published benchmarks and scores of the human-rights dialogues with China. Versioned under /api/v1. Every answer names its data version (the latest publication time of the rounds it covers). Scores shipped with the app are demonstration data and are flagged. Every endpoint takes lang=zh to answer the Chinese fields beside the English ones.",
    },
  });
}
