import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { ImportForm } from "@/components/forms/import-form";
import { AccountBar } from "@/components/review/account-bar";
import { EditorOnly } from "@/components/review/editor-only";
import { requirePageUser } from "@/server/auth/session";
import { canEdit } from "@/lib/permissions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/validation/import";
import { importCsvUpload } from "../import-actions";
import { signOut } from "@/app/[locale]/(workspace)/actions";

export const metadata: Metadata = { title: "Import from CSV" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const user = await requirePageUser("/editor/import");
  if (!canEdit(user)) return <EditorOnly user={user} signOut={signOut} />;
  return (
    <>
      <AccountBar user={user} signOut={signOut} />
      <h1 className="text-2xl font-semibold">Import benchmarks or scores from CSV</h1>
      <div className="mt-4 flex max-w-3xl flex-col gap-3 text-sm">
        <p>
          The file has the shape of the app&apos;s own exports: download the <Link href="/exports/benchmarks.csv">benchmarks CSV</Link> or the{" "}
          <Link href="/exports/scores.csv">scores CSV</Link> to see the columns. Every row is checked first; if any row is wrong, the list says which line and why, and
          nothing of the file is written. Otherwise all of it is written at once and recorded in the audit log.
        </p>
        <h2 className="text-lg font-semibold">Benchmarks</h2>
        <p>
          A row whose Benchmark ID is new creates the benchmark; its category, round (“Applies from”), statements, people and laws must already exist. A row whose
          Benchmark ID is stored already must agree with the stored benchmark: the import never changes one, so a difference is listed as an error. The
          statements in “Raised by” are linked with the benchmark&apos;s title standing for their wording of the demand.
        </p>
        <h2 className="text-lg font-semibold">Scores</h2>
        <p>
          Each row becomes an assessment in your name, added beside the reviewers&apos; and never replacing anyone&apos;s. It reaches the public only when
          reviewers agree or you decide, and the round is published. A row that repeats the published score, or your latest assessment, adds nothing, so the same
          file imported twice changes nothing. The benchmark and the round must exist.
        </p>
      </div>
      <section aria-labelledby="upload-heading" className="mt-6 max-w-3xl">
        <h2 id="upload-heading" className="text-lg font-semibold">Upload</h2>
        <ImportForm action={importCsvUpload} maxBytes={MAX_IMPORT_BYTES} maxLabel={MAX_IMPORT_LABEL} />
      </section>
    </>
  );
}
