// What must never reach the public, planted in a test database with recognisable text: a
// confidential person, law and benchmark (scored, published, with evidence, linked to a public
// statement), a reviewer's unpublished draft, a statement's private full text, and a signed-in
// reviewer account (email, name, id, password hash, session token) whose assessments back
// published scores; optionally an unpublished round, with a statement that addresses it and a
// benchmark that applies from it; and (in their own block below) draft and rejected statements,
// draft benchmarks and a draft source link. The confidentiality tests grep every public answer for these strings.
import type { Executor } from "../dialect";
import { rawGet, rawInsert, rawRun } from "./raw-sql";

/**
 * One statement of the plant: read a row, write (answering how many rows changed), or insert one row
 * (answering its id). The plant is one generator of these, run awaited on either database through db/
 * (the unit tests' databases and, through e2e/test-database.ts writeRows, the e2e server's).
 */
type Step = { op: "get" | "run" | "insert"; sql: string; params: unknown[] };
type Steps<T> = Generator<Step, T, unknown>;
const get = (sql: string, ...params: unknown[]): Step => ({ op: "get", sql, params });
const run = (sql: string, ...params: unknown[]): Step => ({ op: "run", sql, params });
const insert = (sql: string, ...params: unknown[]): Step => ({ op: "insert", sql, params });

async function runAwaited<T>(db: Executor, steps: Steps<T>): Promise<T> {
  for (let next = steps.next(); ; ) {
    if (next.done) return next.value;
    const { op, sql, params } = next.value;
    next = steps.next(op === "get" ? await rawGet(db, sql, ...params) : op === "insert" ? await rawInsert(db, sql, ...params) : await rawRun(db, sql, ...params));
  }
}

export interface PlantOptions {
  /** Also a non-confidential benchmark about the hidden person: hidden with them. It changes what a count of `confidential = 0` benchmarks gives, so only for databases no other test counts. */
  benchmarkAboutHiddenPerson?: boolean;
  /**
   * Also a round that is not published yet, with a draft score, a public statement addressing it and
   * a benchmark applying from it (about a public person), which stays off the public surfaces until
   * the round is published. Same caveat; the benchmark applies at no published round of the seed.
   */
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
  /** A public statement that addresses the unpublished round: shown, but without naming the round. */
  statementAddressingUnpublishedRoundSlug: string | null;
  /** A benchmark that applies from the unpublished round: on no public surface until it is published. */
  benchmarkFromUnpublishedRoundSlug: string | null;
  reviewer: { id: string; email: string; name: string };
  drafts: PlantedDrafts;
}

/** The plant on the app's database, SQLite or PostgreSQL (call it inside db/transaction's transaction). */
export function plantConfidentialDataIn(db: Executor, tag: string, options: PlantOptions = {}): Promise<Plant> {
  return runAwaited(db, plantSteps(tag, options));
}

function* plantSteps(tag: string, options: PlantOptions): Steps<Plant> {
  const id = function* (sql: string, ...params: unknown[]): Steps<number> {
    return ((yield get(sql, ...params)) as { id: number }).id;
  };
  const now = Date.now();
  const secret = <T extends string>(s: T) => (secrets.push(s), s);
  const secrets: string[] = [];

  const reviewer = { id: secret(`planted-user-${tag}`), email: secret(`planted.reviewer.${tag}@example.net`), name: secret(`Planted Reviewer ${tag}`) };
  (yield run("INSERT INTO users (id, email, name, email_verified, role, is_demo, created_at, updated_at) VALUES (?, ?, ?, 1, 'reviewer', 0, ?, ?)", reviewer.id, reviewer.email, reviewer.name, now, now));
  (yield run("INSERT INTO accounts (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES (?, ?, 'credential', ?, ?, ?, ?)", secret(`planted-account-${tag}`),
    reviewer.id,
    reviewer.id,
    secret(`planted-password-hash-${tag}`),
    now,
    now));
  (yield run("INSERT INTO sessions (id, token, user_id, expires_at, ip_address, user_agent, created_at, updated_at) VALUES (?, ?, ?, ?, '203.0.113.77', ?, ?, ?)", secret(`planted-session-${tag}`),
    secret(`planted-session-token-${tag}`),
    reviewer.id,
    now + 86_400_000,
    secret(`planted-agent-${tag}`),
    now,
    now));
  // The planted reviewer's work backs some published scores, so any answer naming whose score it is would name them.
  (yield run("UPDATE assessments SET reviewer_id = ? WHERE id IN (SELECT assessment_id FROM published_scores ORDER BY round_id DESC, benchmark_id LIMIT 25)", reviewer.id));
  (yield run("UPDATE published_scores SET decided_by = ? WHERE (benchmark_id, round_id) IN (SELECT benchmark_id, round_id FROM published_scores ORDER BY round_id DESC, benchmark_id LIMIT 25)", reviewer.id));

  const round = (yield get("SELECT id, slug FROM rounds WHERE slug = 'hrc-37'")) as { id: number; slug: string };
  const statementId = yield* id("SELECT id FROM statements WHERE slug = 'ngo-2018-hrc37-letter'");
  const categoryId = yield* id("SELECT id FROM categories WHERE slug = 'release-of-detained-people'");
  // Pasted full text stays in the workspace: set on an existing statement so no public list grows.
  (yield run("UPDATE statements SET full_text = ? WHERE id = ?", secret(`Private full text ${tag}`), statementId));

  const subject = function* (kind: string, slug: string, name: string, nameZh: string | null, extra: string): Steps<number> {
    return Number(
      (yield insert("INSERT INTO subjects (slug, kind, name, name_zh, role, role_zh, article, description, description_zh, confidential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", slug,
          kind,
          name,
          nameZh,
          kind === "person" ? extra : null,
          kind === "person" ? secret(`秘密身份${tag}`) : null,
          kind === "person" ? null : extra,
          secret(`Secret description of ${name}`),
          secret(`${name}的秘密说明`))),
    );
  };
  const hiddenPersonSlug = secret(`hidden-person-${tag}`);
  const hiddenPersonName = secret(`Hidden Person ${tag}`);
  const hiddenPersonNameZh = secret(`隐秘人${tag}`);
  const personId = yield* subject("person", hiddenPersonSlug, hiddenPersonName, hiddenPersonNameZh, secret(`Secret role ${tag}`));
  const hiddenLawSlug = secret(`hidden-law-${tag}`);
  const hiddenLawName = secret(`Hidden Law ${tag}`);
  const lawId = yield* subject("law", hiddenLawSlug, hiddenLawName, null, secret(`Secret article ${tag}`));
  (yield run("INSERT INTO subject_events (subject_id, kind, occurred_on, date_precision, description, description_zh, source_url) VALUES (?, 'detained', '2017-03-01', 'day', ?, ?, ?)", personId,
    secret(`Secret event ${tag}`),
    secret(`秘密事件${tag}`),
    secret(`https://secret.example/${tag}/event`)));

  /** A benchmark scored and published at hrc-37 like any other, with a source and evidence. */
  const scoredBenchmark = function* (slug: string, title: string, titleZh: string, confidential: boolean, subjectIds: number[]): Steps<void> {
    const benchmarkId = Number(
      (yield insert("INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, confidential, review_state) VALUES (?, ?, ?, ?, 'chinese_government', ?, ?, 'approved')", slug, title, titleZh, categoryId, round.id, confidential ? 1 : 0)),
    );
    (yield run("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, demand_zh, review_state) VALUES (?, ?, ?, ?, 'approved')", benchmarkId,
      statementId,
      secret(`Secret demand for ${slug}`),
      secret(`${slug}的秘密要求`)));
    for (const subjectId of subjectIds) (yield run("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, ?)", benchmarkId, subjectId));
    const assessmentId = Number(
      (yield insert("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, ?, 'met', ?)", benchmarkId, round.id, reviewer.id, secret(`Secret rationale for ${slug}`))),
    );
    (yield run("INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)", assessmentId, secret(`https://secret.example/${slug}/evidence`), secret(`Secret evidence for ${slug}`)));
    (yield run("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, ?, '2026-01-01T00:00:00.000Z')", benchmarkId,
      round.id,
      assessmentId,
      reviewer.id));
    (yield run("INSERT INTO published_evidence (benchmark_id, round_id, position, url, title) VALUES (?, ?, 1, ?, ?)", benchmarkId, round.id, secret(`https://secret.example/${slug}/evidence`), secret(`Secret evidence for ${slug}`)));
  };
  const confidentialBenchmarkSlug = secret(`confidential-benchmark-${tag}`);
  yield* scoredBenchmark(confidentialBenchmarkSlug, secret(`Release the confidential detainee ${tag}`), secret(`释放保密被拘留者${tag}`), true, [personId, lawId]);
  let benchmarkAboutHiddenPersonSlug: string | null = null;
  if (options.benchmarkAboutHiddenPerson) {
    benchmarkAboutHiddenPersonSlug = secret(`about-hidden-person-${tag}`);
    yield* scoredBenchmark(benchmarkAboutHiddenPersonSlug, secret(`Free the hidden person ${tag}`), secret(`释放隐秘人${tag}`), false, [personId]);
  }

  // A reviewer's draft on a public benchmark at a published round: never published, never shown.
  const draftId = Number(
    (yield insert("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), ?, ?, 'regressed', ?)", round.id, reviewer.id, secret(`Draft rationale ${tag}`))),
  );
  (yield run("INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)", draftId, secret(`https://draft.example/${tag}`), secret(`Draft evidence ${tag}`)));

  let unpublishedRoundSlug: string | null = null;
  let statementAddressingUnpublishedRoundSlug: string | null = null;
  let benchmarkFromUnpublishedRoundSlug: string | null = null;
  if (options.unpublishedRound) {
    unpublishedRoundSlug = secret(`unpublished-round-${tag}`);
    // Its date, as the data holds it and as pages write it, names it as well as its name does.
    const roundId = Number(
      (yield insert("INSERT INTO rounds (slug, track_id, name, name_zh, location, start_date, date_precision) VALUES (?, (SELECT id FROM tracks WHERE slug = 'un-hrc'), ?, ?, ?, ?, 'day')", unpublishedRoundSlug, secret(`Unpublished Round ${tag}`), secret(`未发布的一轮${tag}`), secret(`Unpublished Venue ${tag}`), secret("2019-09-23"))),
    );
    secret("23 September 2019");
    (yield run("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), ?, ?, 'met', ?)", roundId,
      reviewer.id,
      secret(`Unpublished rationale ${tag}`)));
    // A reviewer ties a public statement ("the round it addresses") and a new demand ("applies from") to the round;
    // both approved, so that only the unpublished round keeps them (or its name) out of public.
    statementAddressingUnpublishedRoundSlug = `letter-before-the-coming-session-${tag}`;
    const addressingId = Number(
      (yield insert("INSERT INTO statements (slug, title, kind, date, date_precision, language, summary, round_id, review_state) VALUES (?, ?, 'ngo_joint_letter', '2019-08-30', 'day', 'en', ?, ?, 'approved')", statementAddressingUnpublishedRoundSlug, `Letter before the coming session ${tag}`, `A letter ahead of a session ${tag}.`, roundId)),
    );
    benchmarkFromUnpublishedRoundSlug = secret(`demand-from-unpublished-round-${tag}`);
    const fromUnpublishedId = Number(
      (yield insert("INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, review_state) VALUES (?, ?, ?, (SELECT id FROM categories WHERE slug = 'legal-reform'), 'chinese_government', ?, 'approved')", benchmarkFromUnpublishedRoundSlug, secret(`Demand first assessed at the unpublished round ${tag}`), secret(`未发布一轮的要求${tag}`), roundId)),
    );
    (yield run("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state) VALUES (?, ?, ?, 'approved')", fromUnpublishedId, addressingId, secret(`Demand raised for the unpublished round ${tag}`)));
    (yield run("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, (SELECT id FROM subjects WHERE slug = 'wang-quanzhang'))", fromUnpublishedId));
  }

  secrets.push(
    ...(yield* namesInPublicTextSteps(tag, { person: hiddenPersonName, personZh: hiddenPersonNameZh, law: hiddenLawName, personSlug: hiddenPersonSlug, benchmarkZh: `释放保密被拘留者${tag}` })),
  );
  const drafts = yield* draftSteps(tag, { secret, reviewerId: reviewer.id, roundId: round.id, categoryId, publicStatementId: statementId });

  return {
    secrets,
    drafts,
    hiddenPersonSlug,
    hiddenPersonName,
    hiddenPersonNameZh,
    hiddenLawSlug,
    hiddenLawName,
    confidentialBenchmarkSlug,
    benchmarkAboutHiddenPersonSlug,
    unpublishedRoundSlug,
    statementAddressingUnpublishedRoundSlug,
    benchmarkFromUnpublishedRoundSlug,
    reviewer,
  };
}

// ---- Drafts (statements, benchmarks and source links an editor has not approved) ----------------

export interface PlantedDrafts {
  statementSlug: string;
  statementTitle: string;
  rejectedStatementSlug: string;
  benchmarkSlug: string;
  benchmarkOnPublicStatementSlug: string;
}

/**
 * A reviewer's draft statement (publisher, signatory, summary) with a draft benchmark about a public
 * person, scored and published as if it had slipped through; a draft benchmark raised by a public
 * statement; a draft source link between a public statement and a public benchmark; and a rejected
 * statement with the editor's reason. None of it may reach a public surface or count in a figure.
 */
function* draftSteps(
  tag: string,
  ctx: { secret: <T extends string>(s: T) => T; reviewerId: string; roundId: number; categoryId: number; publicStatementId: number },
): Steps<PlantedDrafts> {
  const { secret } = ctx;
  const insertStatement = function* (slug: string, title: string, state: "draft" | "rejected", note: string | null): Steps<number> {
    return Number(
      (yield insert("INSERT INTO statements (slug, title, title_zh, kind, date, date_precision, language, summary, summary_zh, round_id, review_state, review_note, created_by) VALUES (?, ?, ?, 'ngo_joint_letter', '2018-02-01', 'day', 'en', ?, ?, ?, ?, ?, ?)", slug, title, secret(`${title}的中文标题`), secret(`Summary of ${title}`), secret(`${title}的中文摘要`), ctx.roundId, state, note, ctx.reviewerId)),
    );
  };
  const statementSlug = secret(`draft-statement-${tag}`);
  const statementTitle = secret(`Draft Statement ${tag}`);
  const statementId = yield* insertStatement(statementSlug, statementTitle, "draft", null);
  const organisationId = Number((yield insert("INSERT INTO organisations (slug, name, kind) VALUES (?, ?, 'ngo')", secret(`draft-publisher-${tag}`), secret(`Draft Publisher ${tag}`))));
  (yield run("INSERT INTO statement_publishers (statement_id, organisation_id) VALUES (?, ?)", statementId, organisationId));
  (yield run("INSERT INTO statement_signatories (statement_id, position, name) VALUES (?, 0, ?)", statementId, secret(`Draft Signatory ${tag}`)));
  const rejectedStatementSlug = secret(`rejected-statement-${tag}`);
  yield* insertStatement(rejectedStatementSlug, secret(`Rejected Statement ${tag}`), "rejected", secret(`Rejected because ${tag}`));

  const draftBenchmark = function* (slug: string, title: string, sourceStatementId: number, scored: boolean): Steps<void> {
    const benchmarkId = Number(
      (yield insert("INSERT INTO benchmarks (slug, title, title_zh, category_id, addressee, applies_from_round_id, review_state, created_by) VALUES (?, ?, ?, ?, 'chinese_government', ?, 'draft', ?)", slug, title, secret(`草案要求${slug}`), ctx.categoryId, ctx.roundId, ctx.reviewerId)),
    );
    (yield run("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state, created_by) VALUES (?, ?, ?, 'draft', ?)", benchmarkId, sourceStatementId, secret(`Draft demand for ${slug}`), ctx.reviewerId));
    (yield run("INSERT INTO benchmark_subjects (benchmark_id, subject_id) VALUES (?, (SELECT id FROM subjects WHERE slug = 'liu-xia'))", benchmarkId));
    if (!scored) return;
    const assessmentId = Number(
      (yield insert("INSERT INTO assessments (benchmark_id, round_id, reviewer_id, status, rationale) VALUES (?, ?, ?, 'met', ?)", benchmarkId, ctx.roundId, ctx.reviewerId, secret(`Draft benchmark rationale ${tag}`))),
    );
    (yield run("INSERT INTO published_scores (benchmark_id, round_id, status, basis, assessment_id, decided_by, decided_at) VALUES (?, ?, 'met', 'agreement', ?, ?, '2026-01-01T00:00:00.000Z')", benchmarkId,
      ctx.roundId,
      assessmentId,
      ctx.reviewerId));
  };
  const benchmarkSlug = secret(`draft-benchmark-${tag}`);
  yield* draftBenchmark(benchmarkSlug, secret(`Draft Benchmark ${tag}`), statementId, true);
  const benchmarkOnPublicStatementSlug = secret(`draft-on-public-statement-${tag}`);
  yield* draftBenchmark(benchmarkOnPublicStatementSlug, secret(`Draft Benchmark On Public Statement ${tag}`), ctx.publicStatementId, false);
  (yield run("INSERT INTO benchmark_sources (benchmark_id, statement_id, demand, review_state, created_by) VALUES ((SELECT id FROM benchmarks WHERE slug = 'release-liu-xia'), (SELECT id FROM statements WHERE slug = 'ambassadors-2017-letter'), ?, 'draft', ?)", secret(`Draft source demand ${tag}`), ctx.reviewerId));
  return { statementSlug, statementTitle, rejectedStatementSlug, benchmarkSlug, benchmarkOnPublicStatementSlug };
}

/** The secrets a response may not contain; those the request itself named (a slug in the URL echoed in "nothing is called …") excepted. */
export function leakedSecrets(text: string, secrets: readonly string[], requestUrl = ""): string[] {
  const asked = decodeURIComponent(requestUrl);
  return secrets.filter((s) => !asked.includes(s) && text.includes(s));
}

// Confidential names inside the free text of public records: the way a statement's summary or a
// restated demand names a person before anyone marks them confidential. The names come in other
// case and spacing, the Chinese name inside Chinese text without spaces, the address form in a
// link. The records stay public; every public surface must show them with the names withheld.
// Each planted text is an existing public record's, extended, so no public count changes.
function* namesInPublicTextSteps(tag: string, names: { person: string; personZh: string; law: string; personSlug: string; benchmarkZh?: string }): Steps<string[]> {
  const shouted = `${names.person.toUpperCase().replace(" ", "  ")}`;
  const spaced = names.person.replaceAll(" ", "\u00a0");
  const lawLower = names.law.toLowerCase();
  const append = function* (table: string, column: string, where: string, text: string, ...params: unknown[]): Steps<void> {
    const changed = (yield run(`UPDATE ${table} SET ${column} = coalesce(${column}, '') || ? WHERE ${where}`, text, ...params));
    if (changed !== 1) throw new Error(`planting into ${table}.${column} changed ${changed} rows`);
  };
  const benchmark = (slug: string) => `(SELECT id FROM benchmarks WHERE slug = '${slug}')`;
  const statement = (slug: string) => `(SELECT id FROM statements WHERE slug = '${slug}')`;
  const subject = (slug: string) => `(SELECT id FROM subjects WHERE slug = '${slug}')`;

  yield* append("statements", "summary", `id = ${statement("ngo-2018-hrc37-letter")}`, ` The letter also names ${shouted} and ${names.law}.`);
  yield* append("statements", "title", `id = ${statement("lawyers-2015-statement")}`, ` (on ${spaced})`);
  yield* append("statement_signatories", "role", `id = (SELECT min(id) FROM statement_signatories WHERE statement_id = ${statement("ngo-2018-hrc37-letter")})`, `; speaks for ${names.person}`);
  yield* append("benchmark_sources", "demand", `(benchmark_id, statement_id) = (SELECT benchmark_id, min(statement_id) FROM benchmark_sources WHERE benchmark_id = ${benchmark("council-condemns-rsdl")} GROUP BY benchmark_id)`, ` 据报道${names.personZh}仍被关押。`);
  yield* append("benchmarks", "title", `id = ${benchmark("no-reprisals-for-dialogue-comments")}`, `, such as ${shouted}`);
  yield* append("subjects", "description", `id = ${subject("xie-yang")}`, ` Held with ${spaced}.`);
  yield* append("subjects", "role", `id = ${subject("xie-yang")}`, `; represented ${names.personZh}`);
  yield* append("subject_events", "description", `id = (SELECT min(id) FROM subject_events WHERE subject_id = ${subject("xie-yang")})`, ` 与${names.personZh}同案。`);
  // The Chinese fields, read by Chinese pages and answers: withheld the same way.
  yield* append("statements", "summary_zh", `id = ${statement("ngo-2018-hrc37-letter")}`, `信中还提到${names.personZh}。${names.benchmarkZh ? `并要求${names.benchmarkZh}。` : ""}`);
  yield* append("statements", "title_zh", `id = ${statement("lawyers-2015-statement")}`, `（关于${names.personZh}）`);
  yield* append("benchmarks", "title_zh", `id = ${benchmark("no-reprisals-for-dialogue-comments")}`, `，例如${names.personZh}`);
  yield* append("benchmark_sources", "demand_zh", `(benchmark_id, statement_id) = (SELECT benchmark_id, min(statement_id) FROM benchmark_sources WHERE benchmark_id = ${benchmark("end-rsdl")} GROUP BY benchmark_id)`, `包括${names.personZh}的案件。`);
  yield* append("subjects", "description_zh", `id = ${subject("xie-yang")}`, `与${names.personZh}一同被关押。`);
  yield* append("subjects", "role_zh", `id = ${subject("xie-yang")}`, `；${names.personZh}的代理律师`);
  yield* append("subject_events", "description_zh", `id = (SELECT min(id) FROM subject_events WHERE subject_id = ${subject("xie-yang")})`, `与${names.personZh}同案审理。`);
  (yield run(`UPDATE subject_events SET source_url = ? WHERE id = (SELECT min(id) FROM subject_events WHERE subject_id = ${subject("xie-yang")})`, `https://news.example/${tag}/${names.personSlug}-case`));
  const assessmentId = (
    (yield get(`SELECT assessment_id AS id FROM published_scores WHERE benchmark_id = ${benchmark("end-rsdl")} ORDER BY round_id DESC LIMIT 1`)) as { id: number }
  ).id;
  yield* append("assessments", "rationale", `id = ${assessmentId}`, ` Used against ${names.person.toLowerCase()} under ${lawLower}.`);
  (yield run("INSERT INTO evidence_links (assessment_id, url, title) VALUES (?, ?, ?)", assessmentId, `https://news.example/${tag}/${names.personSlug}`, `What ${names.law} did to ${names.personZh}`));
  return [shouted, spaced, lawLower, names.person.toLowerCase(), `${names.personSlug}-case`];
}
