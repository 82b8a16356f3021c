import type { SeedData } from "../types";
import { SEED_BENCHMARKS } from "./benchmarks";
import { SEED_CATEGORIES } from "./categories";
import { SEED_ORGANISATIONS } from "./organisations";
import { SEED_SOURCES } from "./sources";
import { SEED_STATEMENTS } from "./statements";
import { SEED_SUBJECTS } from "./subjects";
import { SEED_ROUNDS, SEED_TRACKS } from "./tracks";

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
