// Drizzle's relations between the tables of every area, kept apart so that the table files never import each other in a circle.
import { relations } from "drizzle-orm";
import { users } from "./auth";
import { benchmarks, benchmarkTracks, categories, rounds, tracks } from "./reference";
import { assessments, evidenceLinks, publishedScores } from "./scoring";
import { benchmarkSources, statementPublishers, statements, statementSignatories } from "./statements";
import { benchmarkSubjects, subjectEvents, subjects } from "./subjects";

export const tracksRelations = relations(tracks, ({ many }) => ({ rounds: many(rounds) }));

export const roundsRelations = relations(rounds, ({ one, many }) => ({
  track: one(tracks, { fields: [rounds.trackId], references: [tracks.id] }),
  publishedScores: many(publishedScores),
}));

export const statementsRelations = relations(statements, ({ one, many }) => ({
  round: one(rounds, { fields: [statements.roundId], references: [rounds.id] }),
  publishers: many(statementPublishers),
  signatories: many(statementSignatories),
  benchmarkSources: many(benchmarkSources),
}));

export const benchmarksRelations = relations(benchmarks, ({ one, many }) => ({
  category: one(categories, { fields: [benchmarks.categoryId], references: [categories.id] }),
  appliesFrom: one(rounds, { fields: [benchmarks.appliesFromRoundId], references: [rounds.id] }),
  scope: many(benchmarkTracks),
  sources: many(benchmarkSources),
  subjects: many(benchmarkSubjects),
  assessments: many(assessments),
  publishedScores: many(publishedScores),
}));

export const benchmarkTracksRelations = relations(benchmarkTracks, ({ one }) => ({
  benchmark: one(benchmarks, { fields: [benchmarkTracks.benchmarkId], references: [benchmarks.id] }),
  track: one(tracks, { fields: [benchmarkTracks.trackId], references: [tracks.id] }),
}));

export const benchmarkSourcesRelations = relations(benchmarkSources, ({ one }) => ({
  benchmark: one(benchmarks, { fields: [benchmarkSources.benchmarkId], references: [benchmarks.id] }),
  statement: one(statements, { fields: [benchmarkSources.statementId], references: [statements.id] }),
}));

export const subjectsRelations = relations(subjects, ({ many }) => ({
  events: many(subjectEvents),
  benchmarks: many(benchmarkSubjects),
}));

export const assessmentsRelations = relations(assessments, ({ one, many }) => ({
  benchmark: one(benchmarks, { fields: [assessments.benchmarkId], references: [benchmarks.id] }),
  round: one(rounds, { fields: [assessments.roundId], references: [rounds.id] }),
  reviewer: one(users, { fields: [assessments.reviewerId], references: [users.id] }),
  evidence: many(evidenceLinks),
}));
