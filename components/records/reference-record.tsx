import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/server/auth/guard";
import { referenceKey } from "@/lib/record-references";
import type { Messages } from "@/server/i18n/messages";

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

const WHAT_WORDS = ["track", "round", "category", "person", "law", "practice"] as const;

export type HistoryFieldKey = keyof Messages["recordPage"]["field"];

/** A record's field names in words for its history, in the page's language: each stored field named by its catalogue key. */
export async function historyFieldLabels(fields: Record<string, HistoryFieldKey>): Promise<Record<string, string>> {
  const t = await getTranslations("recordPage");
  return Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, t(`field.${key}`)]));
}

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

/** The top of a record's page: where it is, what it is (by its Chinese name on a Chinese page where it has one), and its public page when it has one. */
export async function RecordHeading({ kind, name, nameZh, publicHref, children }: { kind: string; name: string; nameZh: string | null; publicHref?: string | null; children?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("recordPage"), getLocale()]);
  return (
    <>
      <p className="text-sm">
        <Link href="/editor/records">{t("correctRecord")}</Link> / {kind}
      </p>
      <LocalizedText as="h1" className="mt-1 text-2xl font-semibold" locale={locale} en={name} zh={nameZh} />
      {children}
      {publicHref && (
        <p className="mt-1 text-sm">
          <Link href={publicHref}>{t("seePublic")}</Link>
        </p>
      )}
    </>
  );
}

/**
 * Deleting a record: offered only when nothing refers to it; otherwise what refers to it, and that it
 * stays (retired, never deleted).
 */
export async function DeletePanel({
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
  const t = await getTranslations("recordPage");
  const word = (WHAT_WORDS as readonly string[]).includes(what) ? t(`what.${what as (typeof WHAT_WORDS)[number]}`) : what;
  const referenced = references.length > 0;
  const list = references
    .map((r) => {
      const key = referenceKey(r.what);
      return key ? t(`refs.${key}`, { count: r.count }) : `${r.count} ${r.what}`;
    })
    .join(t("listSeparator"));
  return (
    <RecordPanel id="delete-heading" title={t("deleteTitle", { what: word })}>
      {referenced || staysBecause ? (
        <p className="mb-2 text-sm" data-testid="record-stays">
          {referenced ? t("referredTo", { list }) : ""}
          {staysBecause ?? t("stays", { what: word })}
        </p>
      ) : (
        <p className="mb-2 text-sm">{t("deletable", { what: word })}</p>
      )}
      {/* Offered even when referenced, so that the refusal and its reasons come from the server as they are at that moment. */}
      <ActionForm
        action={action}
        testId="delete-record"
        submitLabel={t("deleteTitle", { what: word })}
        fields={[
          { kind: "hidden", name: "entity", value: entity },
          { kind: "hidden", name: "slug", value: slug },
          { kind: "hidden", name: "version", value: String(version) },
          { kind: "checkbox", name: "confirm", value: "yes", label: t("confirmDelete", { what: word }) },
        ]}
      />
    </RecordPanel>
  );
}
