// Loads the seed dataset into an empty, migrated database in one transaction: all of it or nothing.
import { count } from "drizzle-orm";
import type { Db } from "../client";
import { refreshPublishedAggregatesNow } from "../commands/published-aggregates";
import { ensureFirstRelease } from "../commands/releases";
import * as t from "../schema";
import { transaction } from "../transaction";
import { SEED_DATA } from "./data";
import { buildDemoScores, DEMO_USERS } from "./demo";
import type { SeedData } from "./types";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(t.tracks);
  return (row?.n ?? 0) === 0;
}

function lookup(map: Map<string, number>, slug: string, what: string): number {
  const id = map.get(slug);
  if (id === undefined) throw new Error(`Seed: unknown ${what} "${slug}"`);
  return id;
}

function lookupOptional(map: Map<string, number>, slug: string | null, what: string): number | null {
  return slug === null ? null : lookup(map, slug, what);
}

export interface SeedSummary {
  benchmarks: number;
  rounds: number;
  statements: number;
  subjects: number;
  assessments: number;
  publishedScores: number;
}

export async function loadSeed(db: Db, data: SeedData = SEED_DATA, now: Date = new Date()): Promise<SeedSummary> {
  const loadedAt = now.toISOString();
  const demoScores = buildDemoScores(data.benchmarks, data.rounds);

  const summary = await transaction(db, async (tx) => {
    const ids = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));

    const sourceIds = ids(
      (await tx
        .insert(t.sourceDocuments)
        .values(data.sources.map((s) => ({ ...s })))
        .returning({ id: t.sourceDocuments.id, slug: t.sourceDocuments.slug })),
    );
    const trackIds = ids(
      (await tx.insert(t.tracks).values(data.tracks.map((x) => ({ ...x }))).returning({ id: t.tracks.id, slug: t.tracks.slug })),
    );
    const roundIds = ids(
      (await tx
        .insert(t.rounds)
        .values(
          data.rounds.map(({ trackSlug, sourceSlug, ...round }) => ({
            ...round,
            trackId: lookup(trackIds, trackSlug, "track"),
            sourceDocumentId: lookup(sourceIds, sourceSlug, "source document"),
            publishedAt: loadedAt,
          })),
        )
        .returning({ id: t.rounds.id, slug: t.rounds.slug })),
    );
    const categoryIds = ids(
      (await tx
        .insert(t.categories)
        .values(data.categories.map((c, position) => ({ ...c, position })))
        .returning({ id: t.categories.id, slug: t.categories.slug })),
    );
    const organisationIds = ids(
      (await tx
        .insert(t.organisations)
        .values(data.organisations.map((o) => ({ ...o })))
        .returning({ id: t.organisations.id, slug: t.organisations.slug })),
    );

    const statementIds = new Map<string, number>();
    for (const { publisherSlugs, signatories, roundSlug, sourceSlug, ...statement } of data.statements) {
      const [row] = await tx
        .insert(t.statements)
        .values({
          ...statement,
          reviewState: "approved",
          roundId: lookupOptional(roundIds, roundSlug, "round"),
          sourceDocumentId: lookup(sourceIds, sourceSlug, "source document"),
        })
        .returning({ id: t.statements.id });
      const statementId = row!.id;
      statementIds.set(statement.slug, statementId);
      if (publisherSlugs.length > 0) {
        await tx.insert(t.statementPublishers)
          .values(publisherSlugs.map((slug) => ({ statementId, organisationId: lookup(organisationIds, slug, "organisation") })));
      }
      if (signatories.length > 0) {
        await tx.insert(t.statementSignatories)
          .values(
            signatories.map((s, position) => ({
              statementId,
              position,
              name: s.name,
              role: s.role,
              organisationId: lookupOptional(organisationIds, s.organisationSlug, "organisation"),
            })),
          );
      }
    }

    const subjectIds = new Map<string, number>();
    for (const { events, sourceSlug, ...subject } of data.subjects) {
      const [row] = await tx
        .insert(t.subjects)
        .values({ ...subject, sourceDocumentId: lookup(sourceIds, sourceSlug, "source document") })
        .returning({ id: t.subjects.id });
      subjectIds.set(subject.slug, row!.id);
      if (events.length > 0) {
        await tx.insert(t.subjectEvents)
          .values(
            events.map((e) => ({
              subjectId: row!.id,
              kind: e.kind,
              occurredOn: e.date,
              datePrecision: e.datePrecision,
              description: e.description,
              sourceDocumentId: lookupOptional(sourceIds, e.sourceSlug, "source document"),
            })),
          );
      }
    }

    const benchmarkIds = new Map<string, number>();
    for (const b of data.benchmarks) {
      const [row] = await tx
        .insert(t.benchmarks)
        .values({
          slug: b.slug,
          title: b.title,
          titleZh: b.titleZh,
          categoryId: lookup(categoryIds, b.categorySlug, "category"),
          addressee: b.addressee,
          appliesFromRoundId: lookup(roundIds, b.appliesFromRoundSlug, "round"),
          retiredOn: b.retired?.on ?? null,
          retiredReason: b.retired?.reason ?? null,
          reviewState: "approved",
        })
        .returning({ id: t.benchmarks.id });
      const benchmarkId = row!.id;
      benchmarkIds.set(b.slug, benchmarkId);
      await tx.insert(t.benchmarkSources)
        .values(b.sources.map((s) => ({ benchmarkId, statementId: lookup(statementIds, s.statementSlug, "statement"), demand: s.demand, reviewState: "approved" as const })));
      if (b.scopeTrackSlugs.length > 0) {
        await tx.insert(t.benchmarkTracks)
          .values(b.scopeTrackSlugs.map((slug) => ({ benchmarkId, trackId: lookup(trackIds, slug, "track") })));
      }
      if (b.subjectSlugs.length > 0) {
        await tx.insert(t.benchmarkSubjects)
          .values(b.subjectSlugs.map((slug) => ({ benchmarkId, subjectId: lookup(subjectIds, slug, "subject") })));
      }
    }

    await tx.insert(t.users)
      .values(DEMO_USERS.map((u) => ({ ...u, isDemo: true, createdAt: now, updatedAt: now })));

    let assessmentCount = 0;
    for (const score of demoScores) {
      const benchmarkId = lookup(benchmarkIds, score.benchmarkSlug, "benchmark");
      const roundId = lookup(roundIds, score.roundSlug, "round");
      const [shown] = await tx
        .insert(t.assessments)
        .values([
          { benchmarkId, roundId, reviewerId: "demo-reviewer-a", ...score.reviewerA, isDemo: true, createdAt: loadedAt },
          { benchmarkId, roundId, reviewerId: "demo-reviewer-b", ...score.reviewerB, isDemo: true, createdAt: loadedAt },
        ])
        .returning({ id: t.assessments.id });
      assessmentCount += 2;
      await tx.insert(t.publishedScores)
        .values({
          benchmarkId,
          roundId,
          status: score.published.status,
          basis: score.published.basis,
          // Reviewer A's rationale is the one shown; on a disagreement the demo editor sided with A.
          assessmentId: shown!.id,
          decidedBy: "demo-editor",
          decidedAt: loadedAt,
          isDemo: true,
        });
    }

    await tx.insert(t.auditLog)
      .values({
        at: loadedAt,
        action: "seed",
        entity: "database",
        entityId: "seed",
        after: { benchmarks: benchmarkIds.size, rounds: roundIds.size, assessments: assessmentCount },
      });

    return {
      benchmarks: benchmarkIds.size,
      rounds: roundIds.size,
      statements: statementIds.size,
      subjects: subjectIds.size,
      assessments: assessmentCount,
      publishedScores: demoScores.length,
    };
  });
  // The seeded rounds are release 1: every later publication is numbered after it.
  await transaction(db, (tx) => ensureFirstRelease(tx));
  // Counted now, so that readers (who never write) find the published figures.
  await refreshPublishedAggregatesNow(db);
  return summary;
}
