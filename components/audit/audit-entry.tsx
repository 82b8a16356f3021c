import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import type { AuditEntry } from "@/db/queries/audit";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";

/** A translator of the "auditAction" catalogue (useTranslations or getTranslations of it). */
type AuditActionTranslator = { (key: never): string; has(key: never): boolean };

/**
 * What an audit action says in the log and a record's history, in the page's language: the catalogue's
 * auditAction holds each action the code records under its own key ("round.publish"; audit-entry.test.ts).
 * One without words shows as its key.
 */
export function auditActionWord(t: AuditActionTranslator, action: string): string {
  const [entity, verb, ...rest] = action.split(".");
  if (verb === undefined) return action === "seed" ? t("seed" as never) : action;
  if (rest.length > 0 || !t.has(`${entity}.${verb}` as never)) return action;
  return t(`${entity}.${verb}` as never);
}

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
  const tAction = useTranslations("auditAction");
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
        {auditActionWord(tAction, entry.action)} <Target entry={entry} />
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
