import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { ENDPOINTS } from "./endpoints";
import { errorSchema } from "./schemas";

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
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Dialogue Scorecard read API",
      version: "1.0.0",
      description:
        "Published benchmarks and scores of the human-rights dialogues with China. Versioned under /api/v1. Every answer names its data version (the latest publication time of the rounds it covers). Scores shipped with the app are demonstration data and are flagged.",
    },
  });
}
