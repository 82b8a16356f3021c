import { z } from "zod";

const searchSchema = z
  .string()
  .trim()
  .transform((s) => s.slice(0, 100))
  .catch("");

/** A free-text search term from the URL: trimmed, at most 100 characters, empty when absent or odd. */
export function parseSearchTerm(raw: string | string[] | undefined): string {
  return searchSchema.parse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
}
