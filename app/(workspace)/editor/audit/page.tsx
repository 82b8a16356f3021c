import type { Metadata } from "next";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { listAuditEntries } from "@/db/queries/audit";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const user = await requirePageUser("/editor/audit");
  if (user.role !== "editor") return <EditorOnly user={user} />;
  const entries = listAuditEntries();
  return (
    <>
      <AccountBar user={user} />
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="mt-2 text-sm text-stone-700">Every change, newest first: who, what, when, and the record before and after. The latest 200 are shown.</p>
      <ol className="mt-4 space-y-2" data-testid="audit">
        {entries.map((e) => (
          <li key={e.id} className="rounded border border-stone-200 bg-white p-3 text-sm">
            <p>
              <time dateTime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time> · <strong>{e.userName ?? "system"}</strong> · {e.action} · {e.entity} {e.entityId}
            </p>
            <details>
              <summary className="cursor-pointer text-xs text-stone-600">Before and after</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}
