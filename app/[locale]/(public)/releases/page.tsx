import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { getDb } from "@/db/client";
import { listReleases } from "@/db/queries/releases";
import { formatCount } from "@/lib/pagination";
import { dataPackagePath, formatReleaseDate, RELEASE_KIND_LABELS, releasePath } from "@/lib/releases";

export const metadata: Metadata = { title: "Releases" };
export const dynamic = "force-dynamic";

export default async function ReleasesPage() {
  const releases = await listReleases(getDb());
  return (
    <>
      <h1 className="text-2xl font-semibold">Releases</h1>
      <p className="mt-2 max-w-3xl text-stone-700">
        Every publication is a numbered release that never changes afterwards. Cite a release by its number and address: the dashboard, a
        round&apos;s scorecard, a benchmark and the API can all be opened as they stood then (<code>?release=N</code>), and each release
        downloads whole as a data package (CSV files with a <code>datapackage.json</code>).
      </p>
      {releases.length === 0 ? (
        <p className="mt-4">Nothing has been published yet.</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-sm" data-testid="release-list">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-1 pr-2">Release</th>
              <th scope="col" className="py-1 pr-2">Published</th>
              <th scope="col" className="py-1 pr-2">What it did</th>
              <th scope="col" className="py-1 pr-2 text-right">Scores changed</th>
              <th scope="col" className="py-1">Note</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.number} className="border-b border-stone-200 align-top">
                <td className="py-1 pr-2">
                  <Link href={releasePath(r.number)}>Release {r.number}</Link>
                </td>
                <td className="whitespace-nowrap py-1 pr-2">{formatReleaseDate(r.publishedAt)}</td>
                <td className="py-1 pr-2">
                  {RELEASE_KIND_LABELS[r.kind]}
                  {r.rounds.length > 0 && r.rounds.length <= 3 && <span className="block text-xs text-stone-600">{r.rounds.map((x) => x.name).join("; ")}</span>}
                  {r.rounds.length > 3 && <span className="block text-xs text-stone-600">{r.rounds.length} rounds</span>}
                </td>
                <td className="py-1 pr-2 text-right">{formatCount(r.changed)}</td>
                <td className="py-1">
                  {r.note}{" "}
                  <a href={dataPackagePath(r.number)} className="whitespace-nowrap text-xs">
                    Data package (zip)
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
