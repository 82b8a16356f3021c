import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/server/auth/guard";

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/** One part of a record's workspace page: the edit form, the deletion, the merge. */
export function RecordPanel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6 rounded border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The top of a record's page: where it is, what it is, and its public page when it has one. */
export function RecordHeading({ kind, name, publicHref, children }: { kind: string; name: string; publicHref?: string | null; children?: React.ReactNode }) {
  return (
    <>
      <p className="text-sm">
        <Link href="/editor/records">Correct a record</Link> / {kind}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{name}</h1>
      {children}
      {publicHref && (
        <p className="mt-1 text-sm">
          <Link href={publicHref}>See its public page</Link>
        </p>
      )}
    </>
  );
}

/**
 * Deleting a record: offered only when nothing refers to it; otherwise what refers to it, and that it
 * stays (retired, never deleted).
 */
export function DeletePanel({
  action,
  entity,
  slug,
  version,
  what,
  references,
  staysBecause,
}: {
  action: Action;
  entity: "track" | "round" | "category" | "subject";
  slug: string;
  version: number;
  what: string;
  references: Array<{ what: string; count: number }>;
  staysBecause?: string | null;
}) {
  const referenced = references.length > 0;
  return (
    <RecordPanel id="delete-heading" title={`Delete this ${what}`}>
      {referenced || staysBecause ? (
        <p className="mb-2 text-sm" data-testid="record-stays">
          {referenced ? `Referred to by ${references.map((r) => `${r.count} ${r.what}`).join(", ")}: ` : ""}
          {staysBecause ?? `this ${what} stays. A record something refers to is never deleted; it is kept, and retired where that applies.`}
        </p>
      ) : (
        <p className="mb-2 text-sm">Nothing refers to this {what}: it can be deleted. The audit log keeps what it was.</p>
      )}
      {/* Offered even when referenced, so that the refusal and its reasons come from the server as they are at that moment. */}
      <ActionForm
        action={action}
        testId="delete-record"
        submitLabel={`Delete this ${what}`}
        fields={[
          { kind: "hidden", name: "entity", value: entity },
          { kind: "hidden", name: "slug", value: slug },
          { kind: "hidden", name: "version", value: String(version) },
          { kind: "checkbox", name: "confirm", value: "yes", label: `Yes, delete this ${what}` },
        ]}
      />
    </RecordPanel>
  );
}
