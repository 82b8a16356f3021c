import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { AccountBar } from "@/components/review/account-bar";
import { getDb } from "@/db/client";
import { listReviewRounds } from "@/db/queries/review";
import { requirePageUser } from "@/server/auth/session";
import { DATE_PRECISIONS, STATEMENT_KIND_LABELS, STATEMENT_KINDS } from "@/lib/domain";
import { addStatement } from "../../statement-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Add a statement" };
export const dynamic = "force-dynamic";

export default async function NewStatementPage() {
  const user = await requirePageUser("/review/statements/new");
  const rounds = await listReviewRounds(getDb());
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <p className="text-sm">
        <Link href="/review">Review queue</Link> / Add a statement
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Add a statement</h1>
      <p className="mt-2 max-w-2xl text-stone-700">
        Record the document and paste its text: the next page proposes the demands it finds, and you decide which become benchmarks.
      </p>
      <div className="mt-4 max-w-2xl">
        <ActionForm
          action={addStatement}
          testId="new-statement"
          submitLabel="Save and find demands"
          fields={[
            { kind: "text", name: "title", label: "Title" },
            { kind: "select", name: "kind", label: "Kind", options: STATEMENT_KINDS.map((k) => ({ value: k, label: STATEMENT_KIND_LABELS[k] })) },
            { kind: "date", name: "date", label: "Date" },
            { kind: "select", name: "datePrecision", label: "Date known to the", options: DATE_PRECISIONS.map((p) => ({ value: p, label: p })) },
            { kind: "text", name: "language", label: "Language", defaultValue: "en" },
            { kind: "text", name: "publishers", label: "Publishing organisations", hint: "Separate with commas." },
            { kind: "select", name: "roundSlug", label: "Round it addresses", options: [{ value: "", label: "None" }, ...rounds.map((r) => ({ value: r.slug, label: r.name }))] },
            { kind: "text", name: "sourceUrl", label: "Source address (http or https)" },
            { kind: "textarea", name: "summary", label: "Summary in your words" },
            { kind: "textarea", name: "fullText", label: "Full text (pasted; kept in the workspace, not published)" },
          ]}
        />
      </div>
    </>
  );
}
