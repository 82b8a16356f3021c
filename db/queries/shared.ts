import { sql } from "drizzle-orm";
import { benchmarks, rounds } from "../schema";

/**
 * The start date of the round a benchmark applies from, as a column expression. Queries that select
 * it must join `rounds` on `benchmarks.applies_from_round_id`, or use this subquery form.
 */
export const appliesFromDate = sql<string>`(select ${rounds.startDate} from ${rounds} where ${rounds.id} = ${benchmarks.appliesFromRoundId})`.as(
  "applies_from_date",
);
