import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/components/ui/navigation";
import type { AuditEntry } from "@/db/queries/audit";
import { CHANGE_TIME_FORMAT } from "@/lib/format";
import { STATUSES, type Status } from "@/lib/domain";

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

/** The kinds of record the audit log names, each with its words in the catalogue (auditLog.entity). */
export const AUDIT_ENTITIES = [
  "assessment",
  "benchmark",
  "category",
  "database",
  "editor_decision",
  "publication_settings",
  "published_score",
  "security_settings",
  "round",
  "statement",
  "subject",
  "subject_event",
  "track",
  "user",
] as const;

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
  const t = useTranslations("auditLog");
  const tStatus = useTranslations("status");
  const { round, benchmark, user, subject, track, category, statement } = entry.refs;
  const parts: React.ReactNode[] = [];
  if (benchmark) {
    parts.push(
      benchmark.confidential ? (
        <span key="benchmark">{t("confidentialTitle", { title: benchmark.title })}</span>
      ) : (
        <Link key="benchmark" href={`/benchmarks/${benchmark.slug}`}>
          {benchmark.title}
        </Link>
      ),
    );
  }
  if (round) {
    if (benchmark) parts.push(<span key="at">{t("at")}</span>);
    parts.push(
      <Link key="round" href={`/editor/rounds/${round.slug}`}>
        {round.name}
      </Link>,
    );
  }
  if (user) parts.push(<Link key="user" href={`/editor/audit?user=${encodeURIComponent(user.id)}`}>{`${user.name} (${user.email})`}</Link>);
  if (subject) {
    const href = `/${subject.kind === "person" ? "people" : "laws"}/${subject.slug}`;
    parts.push(subject.confidential ? <span key="subject">{t("confidentialName", { name: subject.name })}</span> : <Link key="subject" href={href}>{subject.name}</Link>);
  }
  if (track) parts.push(<Link key="track" href={`/?track=${track.slug}`}>{track.name}</Link>);
  if (category) parts.push(<Link key="category" href={`/?category=${category.slug}`}>{category.name}</Link>);
  if (statement) parts.push(<Link key="statement" href={`/statements/${statement.slug}`}>{statement.title}</Link>);
  if (parts.length === 0 && entry.entity !== "database" && entry.entity !== "publication_settings" && entry.entity !== "security_settings") parts.push(<span key="raw">{t("gone", { entity: (AUDIT_ENTITIES as readonly string[]).includes(entry.entity) ? t(`entity.${entry.entity as (typeof AUDIT_ENTITIES)[number]}`) : entry.entity, id: entry.entityId })}</span>);
  const status = statusOf(entry.after);
  const percent = percentOf(entry.after);
  return (
    <>
      {parts}
      {status && <span>{t("status", { status: tStatus(status) })}</span>}
      {percent !== null && <span>{t("toPercent", { percent })}</span>}
    </>
  );
}

export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const tAction = useTranslations("auditAction");
  const t = useTranslations("auditLog");
  const format = useFormatter();
  return (
    <li className="rounded border border-stone-200 bg-white p-3 text-sm" data-entry={entry.id}>
      <p>
        <time dateTime={entry.at}>{format.dateTime(new Date(entry.at), { ...CHANGE_TIME_FORMAT, second: "2-digit" })}</time> ·{" "}
        {entry.userId && entry.userName ? (
          <Link href={`/editor/audit?user=${encodeURIComponent(entry.userId)}`} className="font-semibold" title={t("everyChangeBy", { name: entry.userName })}>
            {entry.userName}
          </Link>
        ) : (
          <strong>{t("system")}</strong>
        )}{" "}
        {auditActionWord(tAction, entry.action)} <Target entry={entry} />
      </p>
      <p className="mt-1 text-xs text-stone-600">
        <Link href={`/editor/audit?entity=${encodeURIComponent(entry.entity)}&entityId=${encodeURIComponent(entry.entityId)}`}>{t("everyChangeTo")}</Link>
      </p>
      <details>
        <summary className="cursor-pointer text-xs text-stone-600">{t("beforeAfter")}</summary>
        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
      </details>
    </li>
  );
}
