// What must never reach the public, planted in a test database with recognisable text: a
// confidential person, law and benchmark (scored, published, with evidence, linked to a public
// statement), a reviewer's unpublished draft, a statement's private full text, and a signed-in
// reviewer account (email, name, id, password hash, session token) whose assessments back
// published scores. The confidentiality tests grep every public answer for these strings.
import type Database from "better-sqlite3";

export interface PlantOptions {
  /** Also a non-confidential benchmark about the hidden person: hidden with them. It changes what a count of `confidential = 0` benchmarks gives, so only for databases no other test counts. */
  benchmarkAboutHiddenPerson?: boolean;
  /** Also a round that is not published yet, with a draft score. Same caveat. */
  unpublishedRound?: boolean;
}

export interface Plant {
  /** Strings that may appear on no public page, in no API answer and in no export. */
  secrets: string[];
  hiddenPersonSlug: string;
  hiddenPersonName: string;
  hiddenPersonNameZh: string;
  hiddenLawSlug: string;
  hiddenLawName: string;
  confidentialBenchmarkSlug: string;
  benchmarkAboutHiddenPersonSlug: string | null;
  unpublishedRoundSlug: string | null;
  reviewer: { id: string; email: string; name: string };
}

export function plantConfidentialData(db: Database.Database, tag: string, options: PlantOptions = {}): Plant {
  const id = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { id: number }).id;
  const now = Date.now();
  const secret = <T extends string>(s: T) => (secrets.push(s), s);
  const secrets: string[] = [];

  const reviewer = { id: secret(`planted-user-${tag}`), email: secret(`planted.reviewer.${tag}@example.net`), name: secret(`Planted Reviewer ${tag}`) };
  db.prepare("INSERT INTO users (id, email, name, email_verified, role, is_demo, created_at, updated_at) VALUES (?, ?, ?, 1, 'reviewer', 0, ?, ?)").run(reviewer.id, reviewer.email, reviewer.name, now, now);
  db.prepare("INSERT INTO accounts (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES (?, ?, 'credential', ?, ?, ?, ?)").run(
    secret(`planted-account-${tag}`),
    reviewer.id,
    reviewer.id,
    secret(`planted-password-hash-${tag}`),
    now,
    now,
  );
  db.prepare("INSERT INTO sessions (id, token, user_id, expires_at, ip_address, user_agent, created_at, updated_at) VALUES (?, ?, ?, ?, '203.0.113.77', ?, ?, ?)").run(
    secret(`planted-session-${tag}`),
    secret(`planted-session-token-${tag}`),
    reviewer.id,
    now + 86_400_000,
    secret(`planted-agent-${tag}`),
    now,
    now,
  );
  // The planted reviewer's work backs some published scores, so any answer naming whose score it is would name them.
  db.prepare("UPDATE assessments SET reviewer_id = ? WHERE id IN (SELECT assessment_id FROM published_scores ORDER BY round_id DESC, benchmark_id LIMIT 25)").run(reviewer.id);
  db.prepare("UPDATE published_scores SET decided_by = ? WHERE rowid IN (SELECT rowid FROM published_scores ORDER BY round_id DESC, benchmark_id LIMIT 25)").run(reviewer.id);

  const round = db.prepare("SELECT id, slug FROM rounds WHERE slug = 'hrc-37'").get() as { id: number; slug: string };
  const statementId = id("SELECT id FROM statements WHERE slug = 'ngo-2018-hrc37-letter'");
  const categoryId = id("SELECT id FROM categories WHERE slug = 'release-of-detained-people'");
  // Pasted full text stays in the workspace: set on an existing statement so no public list grows.
  db.prepare("UPDATE statements SET full_text = ? WHERE id = ?").run(secret(`Private full text ${tag}`), statementId);

  const subject = (kind: string, slug: string, name: string, nameZh: string | null, extra: string) =>
    Number(
      db
        .prepare("INSERT INTO subjects (slug, kind, name, name_zh, role, article, description, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")
        .run(slug, kind, name, nameZh, kind === "person" ? extra : null, kind === "person" ? null : extra, secret(`Secret description of ${name}`)).lastInsertRowid,
    );
  const hiddenPersonSlug = secret(`hidden-person-${tag}`);
  const hiddenPersonName = secret(`Hidden Person ${tag}`);
  const hiddenPersonNameZh = secret(`隐秘人${tag}`);
  const personId = subject("person", hiddenPersonSlug, hiddenPersonName, hiddenPersonNameZh, secret(`Secret role ${tag}`));
  const hiddenLawSlug = secret(`hidden-law-${tag}`);
  const hiddenLawName = secret(`Hidden Law ${tag}`);
  const lawId = subject("law", hiddenLawSlug, hiddenLawName, null, secret(`Secret article ${tag}`));
  db.prepare("INSERT INTO subject_events (subject_id, kind, occurred_on, date_precision, description, source_url) VALUES (?, 'detained', '2017-03-01', 'day', ?, ?)").run(
    personId,
    secret(`Secret event ${tag}`),
    secret(`https://secret.example/${tag}/event`),
  );

  /** A benchmark scored and published at hrc-37 like any other, with a source and evidence. */
  const scoredBenchmark = (slug: string, title: string, confidential: boolean, subjectIds: number[]) => {
    const benchmarkId = Number(
      db
        .prepare("INSERT INTO benchmarks (slug, title, category_id, addressee, applies_from_round_id, confidential) VALUES (?, ?, ?, 'chinese_government', ?, ?)")
        .run(slug, title, categoryId, round.id, confidential ? 1 : 0).lastInsertRowid,
    );
    db.prepare("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand) VALUES (?, ?, ?)").run(benchmarkId, statementId, secret(`Secret demand for ${slug}`));
    for (const subjectId of subjectIds) db.prepare("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)").run(benchmarkId, subjectId);
    const assessmentId = Number(
      db.prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, ?, 'met', ?)").run(benchmarkId, round.id, reviewer.id, secret(`Secret rationale for ${slug}`)).lastInsertRowid,
    );
    db.prepare("INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)").run(assessmentId, secret(`https://secret.example/${slug}/evidence`), secret(`Secret evidence for ${slug}`));
    db.prepare("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, ?, '2026-01-01T00:00:00.000Z')").run(
      benchmarkId,
      round.id,
      assessmentId,
      reviewer.id,
    );
    db.prepare("INSERT INTO published_evidence (benchmark_id, round_id, position, url, title) VALUES (?, ?, 1, ?, ?)").run(benchmarkId, round.id, secret(`https://secret.example/${slug}/evidence`), secret(`Secret evidence for ${slug}`));
  };
  const confidentialBenchmarkSlug = secret(`confidential-benchmark-${tag}`);
  scoredBenchmark(confidentialBenchmarkSlug, secret(`Release the confidential detainee ${tag}`), true, [personId, lawId]);
  let benchmarkAboutHiddenPersonSlug: string | null = null;
  if (options.benchmarkAboutHiddenPerson) {
    benchmarkAboutHiddenPersonSlug = secret(`about-hidden-person-${tag}`);
    scoredBenchmark(benchmarkAboutHiddenPersonSlug, secret(`Free the hidden person ${tag}`), false, [personId]);
  }

  // A reviewer's draft on a public benchmark at a published round: never published, never shown.
  const draftId = Number(
    db
      .prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), ?, ?, 'regressed', ?)")
      .run(round.id, reviewer.id, secret(`Draft rationale ${tag}`)).lastInsertRowid,
  );
  db.prepare("INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)").run(draftId, secret(`https://draft.example/${tag}`), secret(`Draft evidence ${tag}`));

  let unpublishedRoundSlug: string | null = null;
  if (options.unpublishedRound) {
    unpublishedRoundSlug = secret(`unpublished-round-${tag}`);
    const roundId = Number(
      db
        .prepare("INSERT INTO rounds (slug, track_id, name, start_date, date_precision) VALUES (?, (SELECT id FROM tracks WHERE slug = 'un-hrc'), ?, '2019-09-09', 'day')")
        .run(unpublishedRoundSlug, secret(`Unpublished Round ${tag}`)).lastInsertRowid,
    );
    db.prepare("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), ?, ?, 'met', ?)").run(
      roundId,
      reviewer.id,
      secret(`Unpublished rationale ${tag}`),
    );
  }

  return {
    secrets,
    hiddenPersonSlug,
    hiddenPersonName,
    hiddenPersonNameZh,
    hiddenLawSlug,
    hiddenLawName,
    confidentialBenchmarkSlug,
    benchmarkAboutHiddenPersonSlug,
    unpublishedRoundSlug,
    reviewer,
  };
}

/** The secrets a response may not contain; those the request itself named (a slug in the URL echoed in "nothing is called …") excepted. */
export function leakedSecrets(text: string, secrets: readonly string[], requestUrl = ""): string[] {
  const asked = decodeURIComponent(requestUrl);
  return secrets.filter((s) => !asked.includes(s) && text.includes(s));
}
