// The tables the public can see, declared once. Every write to one of them raises the data version
// (the published-data key that cached public answers are filed under), and a write to one that the
// published aggregates are built from also records what went stale in public_stale, so that the
// writer's refresh (db/commands/published-aggregates.ts) recounts only that. The triggers of
// migration 0008 are this list turned into SQL (publicTableTriggers); db/public-tables.test.ts checks
// that the migration says the same, and that every table a public page reads is in the list.
import { staleQueueTrigger, type TriggerEvent } from "./dialect";
import { staleQueueTrigger as pgStaleQueueTrigger, statementStaleQueueTrigger } from "./dialect-postgres";

/** What a changed row makes stale: SELECTs of (kind, id) over the row's columns (`row` names it: NEW or OLD in a row trigger). */
type StaleRows = (row: string, event: TriggerEvent) => string[];

export interface PublicTable {
  name: string;
  /** Omitted: the table feeds no aggregate, only pages that read it live; its writes raise the version alone. */
  stale?: StaleRows;
}

/**
 * The kinds of entry in public_stale: a benchmark whose public row, tallies and changes are recounted;
 * a benchmark whose scope changed (its groups are recounted: the scope it had is not stored); a round
 * whose tallies and changes are; a category whose tallies are (a benchmark deleted from it); the
 * stored titles (a name to withhold changed); the rounds compared with each other (the threshold).
 */
export const STALE_KINDS = ["benchmark", "scope", "round", "category", "titles", "pairs"] as const;
export type StaleKind = (typeof STALE_KINDS)[number];

const of = (kind: StaleKind, id: string, where?: string) => `SELECT '${kind}', ${id}${where ? ` WHERE ${where}` : ""}`;

export const PUBLIC_TABLES: readonly PublicTable[] = [
  { name: "source_documents" },
  { name: "tracks" },
  { name: "rounds", stale: (row) => [of("round", `${row}.id`)] },
  { name: "organisations" },
  { name: "statements" },
  { name: "statement_publishers" },
  { name: "statement_signatories" },
  { name: "categories" },
  {
    name: "benchmarks",
    stale: (row, event) => [
      of("benchmark", `${row}.id`),
      // A deleted benchmark's public row goes with it (ON DELETE CASCADE): its category says what to recount.
      ...(event === "delete" ? [of("category", `${row}.category_id`)] : []),
      // A confidential demand's title is withheld wherever it appears in another title.
      of("titles", "0", `${row}.confidential = 1`),
    ],
  },
  { name: "benchmark_sources" },
  { name: "benchmark_tracks", stale: (row) => [of("benchmark", `${row}.benchmark_id`), of("scope", `${row}.benchmark_id`)] },
  {
    name: "subjects",
    stale: (row) => [
      // A confidential person makes every benchmark linked to them confidential.
      `SELECT 'benchmark', bs.benchmark_id FROM benchmark_subjects bs WHERE bs.subject_id = ${row}.id`,
      of("titles", "0", `${row}.confidential = 1`),
    ],
  },
  { name: "subject_events" },
  { name: "benchmark_subjects", stale: (row) => [of("benchmark", `${row}.benchmark_id`)] },
  // A whole round at once when a round is published: one entry for the round, not one per score.
  { name: "published_scores", stale: (row) => [of("round", `${row}.round_id`)] },
  { name: "published_evidence" },
  { name: "publication_settings", stale: () => [of("pairs", "0")] },
];

const EVENTS: readonly TriggerEvent[] = ["insert", "update", "delete"];

/** The statements that create the triggers of every public table, in the list's order (`dialect`: whose SQL). */
export function publicTableTriggers(dialect: "sqlite" | "postgres" = "sqlite"): string[] {
  const trigger = dialect === "postgres" ? pgStaleQueueTrigger : staleQueueTrigger;
  return PUBLIC_TABLES.flatMap((table) =>
    EVENTS.map((event) => {
      const rows = event === "insert" ? (["NEW"] as const) : event === "delete" ? (["OLD"] as const) : (["NEW", "OLD"] as const);
      const stale = table.stale ? rows.flatMap((row) => table.stale!(row, event)) : [];
      return trigger(`${table.name}_${event}_marks_published_data`, table.name, event, stale);
    }),
  );
}

/** The names of the triggers migrations 0001, 0004 and 0007 created, which 0008 replaces. */
export const REPLACED_TRIGGERS: readonly string[] = PUBLIC_TABLES.flatMap((t) => EVENTS.map((e) => `${t.name}_${e}_bumps_data_version`));

export const HAND_WRITTEN_MARK = "-- hand-written below";

/** The hand-written part of migration 0008, as scripts/public-table-triggers.ts prints it. */
export function publicTablesMigrationSql(): string {
  const statements = [
    ...REPLACED_TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS \`${name}\`;`),
    ...publicTableTriggers(),
    // Built from scratch once under the new triggers (db/prepare.ts rebuilds when tallies_version lags).
    "UPDATE `data_version` SET `tallies_version` = -1 WHERE `id` = 1;",
  ];
  return `${HAND_WRITTEN_MARK}\n${statements.join("\n--> statement-breakpoint\n")}\n`;
}

/**
 * The hand-written part of the first PostgreSQL migration (db/migrations-pg/0000): the single rows
 * SQLite's migrations 0001 and 0007 insert, and the public tables' triggers as of migration 0008.
 */
export function pgPublicTablesMigrationSql(): string {
  const statements = [
    'INSERT INTO "data_version" ("id", "version", "tallies_version") VALUES (1, 0, -1);',
    'INSERT INTO "publication_settings" ("id", "min_coverage_percent") VALUES (1, 60);',
    ...publicTableTriggers("postgres"),
  ];
  return `${HAND_WRITTEN_MARK}\n${statements.join("\n--> statement-breakpoint\n")}\n`;
}

/**
 * PostgreSQL's migration 0003 (its hand-written part): the public tables' triggers again, run once per
 * statement and raising the version once per transaction (statementStaleQueueTrigger says why).
 */
export function pgStatementTriggersMigrationSql(): string {
  const statements = PUBLIC_TABLES.flatMap((table) =>
    EVENTS.map((event) => statementStaleQueueTrigger(`${table.name}_${event}_marks_published_data`, table.name, event, (row) => table.stale?.(row, event) ?? [])),
  );
  return `${HAND_WRITTEN_MARK}\n${statements.join("\n--> statement-breakpoint\n")}\n`;
}
