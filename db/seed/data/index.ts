import type { SeedData } from "@/db/seed/types";
import { SEED_BENCHMARKS } from "./benchmarks";
import { SEED_CATEGORIES } from "./categories";
import { SEED_ORGANISATIONS } from "./organisations";
import { SEED_SOURCES } from "./sources";
import { SEED_STATEMENTS } from "./statements";
import { SEED_SUBJECTS } from "./subjects";
import { SEED_ROUNDS, SEED_TRACKS } from "./tracks";

export { SEED_BENCHMARKS, SEED_CATEGORIES, SEED_ORGANISATIONS, SEED_ROUNDS, SEED_SOURCES, SEED_STATEMENTS, SEED_SUBJECTS, SEED_TRACKS };

/** The whole seed dataset, restated from the five documents in shared/seeds and loaded by db/seed/load.ts. */
export const SEED_DATA: SeedData = {
  sources: SEED_SOURCES,
  tracks: SEED_TRACKS,
  rounds: SEED_ROUNDS,
  categories: SEED_CATEGORIES,
  organisations: SEED_ORGANISATIONS,
  statements: SEED_STATEMENTS,
  subjects: SEED_SUBJECTS,
  benchmarks: SEED_BENCHMARKS,
};
