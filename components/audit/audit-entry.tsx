import { Link } from "@/components/ui/navigation";
import type { AuditEntry } from "@/db/queries/audit";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";

/** What each audit action says in the log; every action the code records has one (audit-entry.test.ts). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "assessment.create": "scored",
  "decision.create": "decided",
  "decision.revise": "revised the decision on",
  "score.publish": "published the score of",
  "round.publish": "published",
  "round.create": "added the round",
  "round.deadline": "set the scoring deadline of",
  "user.create": "created the account of",
  "user.password-change": "changed the password of",
  "user.deactivate": "deactivated the account of",
  "user.reactivate": "reactivated the account of",
  "user.role": "changed the role of",
  "user.password-reset-issued": "issued a password-reset link for",
  "user.password-reset": "set a new password from a reset link:",
  "session.end": "ended one of the sessions of",
  "session.end-others": "signed out every other session of",
  "user.two-factor-enable": "turned on two-factor sign-in for",
  "user.two-factor-disable": "turned off two-factor sign-in for",
  "user.backup-codes-regenerate": "made new backup codes for",
  "user.backup-code-sign-in": "signed in with a backup code:",
  "benchmark.create": "added the benchmark",
  "benchmark.approve": "approved the draft benchmark",
  "benchmark.reject": "rejected the draft benchmark",
  "benchmark.edit": "corrected the draft benchmark",
  "benchmark.merge": "merged the draft benchmark",
  "benchmark.scope": "changed at which tracks' rounds this is assessed:",
  "benchmark.retire": "retired",
  "benchmark.confidentiality": "changed whether this is confidential:",
  "benchmark_source.create": "added a source to",
  "benchmark_source.approve": "approved a source of",
  "benchmark_source.reject": "rejected a source of",
  "subject.confidentiality": "changed whether this is confidential:",
  "subject.create": "added",
  "subject_event.create": "added an event to",
  "statement.create": "added the statement",
  "statement.approve": "approved the draft statement",
  "statement.reject": "rejected the draft statement",
  "statement.edit": "corrected the draft statement",
  "redaction.confirm": "confirmed a confidential name withheld in",
  "redaction.hide": "hid from the public",
  "redaction.show": "showed again to the public",
  "import.csv": "imported a CSV file into",
  "track.create": "added the track",
  "category.create": "added the category",
  "settings.min_coverage": "set the coverage below which rounds are preliminary",
  // Corrections of any record (db/commands/record-edits.ts): .correct when a published record's public text changed.
  "track.update": "changed the track",
  "track.correct": "corrected the published track",
  "round.update": "changed the round",
  "round.correct": "corrected the published round",
  "category.update": "changed the category",
  "category.correct": "corrected the published category",
  "subject.update": "changed",
  "subject.correct": "corrected the published record of",
  "subject.merge-into": "merged into another record:",
  "subject.delete": "deleted the unused record of",
  "subject_event.update": "changed an event of",
  "subject_event.correct": "corrected a published event of",
  "subject_event.delete": "deleted an event of",
  "statement.update": "changed the statement",
  "statement.correct": "corrected the published statement",
  "benchmark.update": "changed the benchmark",
  "benchmark.correct": "corrected the published benchmark",
  "benchmark.merge-into": "merged into another benchmark:",
  "benchmark_source.update": "changed the restated demand of a source of",
  "track.delete": "deleted the unused track",
  "category.delete": "deleted the unused category",
  "round.delete": "deleted the unused round",
  "settings.require_two_factor": "set whether every account must use two-factor sign-in",
  seed: "loaded the seed dataset",
  "subject.merge-from": "took in a merged record:",
  "benchmark.merge-from": "took in a merged benchmark:",
};

const ENTITIES: Record<string, string> = {
  assessment: "assessments",
  benchmark: "benchmarks",
  category: "categories",
  database: "the database",
  editor_decision: "editors' decisions",
  publication_settings: "publishing settings",
  published_score: "published scores",
  security_settings: "sign-in settings",
  round: "rounds",
  statement: "statements",
  subject: "people and laws",
  subject_event: "events of people and laws",
  track: "tracks",
  user: "accounts",
};

export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

function statusOf(value: unknown): Status | null {
  const status = value && typeof value === "object" ? (value as Record<string, unknown>).status : undefined;
  return typeof status === "string" && (STATUSES as readonly string[]).includes(status) ? (status as Status) : null;
}

function percentOf(value: unknown): number | null {
  const percent = value && typeof value === "object" ? (value as Record<string, unknown>).minCoveragePercent : undefined;
  return typeof percent === "number" ? percent : null;
}

/** What an entry is about, by name, each name a link to the record where there is a page for it. */
function Target({ entry }: { entry: AuditEntry }) {
  const { round, benchmark, user, subject, track, category, statement } = entry.refs;
  const parts: React.ReactNode[] = [];
  if (benchmark) {
    parts.push(
      benchmark.confidential ? (
        <span key="benchmark">“{benchmark.title}” (confidential)</span>
      ) : (
        <Link key="benchmark" href={`/benchmarks/${benchmark.slug}`}>
          {benchmark.title}
        </Link>
      ),
    );
  }
  if (round) {
    if (benchmark) parts.push(<span key="at"> at </span>);
    parts.push(
      <Link key="round" href={`/editor/rounds/${round.slug}`}>
        {round.name}
      </Link>,
    );
  }
  if (user) parts.push(<Link key="user" href={`/editor/audit?user=${encodeURIComponent(user.id)}`}>{`${user.name} (${user.email})`}</Link>);
  if (subject) {
    const href = `/${subject.kind === "person" ? "people" : "laws"}/${subject.slug}`;
    parts.push(subject.confidential ? <span key="subject">{subject.name} (confidential)</span> : <Link key="subject" href={href}>{subject.name}</Link>);
  }
  if (track) parts.push(<Link key="track" href={`/?track=${track.slug}`}>{track.name}</Link>);
  if (category) parts.push(<Link key="category" href={`/?category=${category.slug}`}>{category.name}</Link>);
  if (statement) parts.push(<Link key="statement" href={`/statements/${statement.slug}`}>{statement.title}</Link>);
  if (parts.length === 0 && entry.entity !== "database" && entry.entity !== "publication_settings" && entry.entity !== "security_settings") parts.push(<span key="raw">{`${entityLabel(entry.entity)} ${entry.entityId} (no longer exists)`}</span>);
  const status = statusOf(entry.after);
  const percent = percentOf(entry.after);
  return (
    <>
      {parts}
      {status && <span>{`: ${STATUS_LABELS[status]}`}</span>}
      {percent !== null && <span>{` to ${percent}%`}</span>}
    </>
  );
}

export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  return (
    <li className="rounded border border-stone-200 bg-white p-3 text-sm" data-entry={entry.id}>
      <p>
        <time dateTime={entry.at}>{entry.at.slice(0, 19).replace("T", " ")}</time> UTC ·{" "}
        {entry.userId && entry.userName ? (
          <Link href={`/editor/audit?user=${encodeURIComponent(entry.userId)}`} className="font-semibold" title={`Every change by ${entry.userName}`}>
            {entry.userName}
          </Link>
        ) : (
          <strong>system</strong>
        )}{" "}
        {AUDIT_ACTION_LABELS[entry.action] ?? entry.action} <Target entry={entry} />
      </p>
      <p className="mt-1 text-xs text-stone-600">
        <Link href={`/editor/audit?entity=${encodeURIComponent(entry.entity)}&entityId=${encodeURIComponent(entry.entityId)}`}>Every change to this record</Link>
      </p>
      <details>
        <summary className="cursor-pointer text-xs text-stone-600">Before and after</summary>
        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
      </details>
    </li>
  );
}
