import type { Metadata } from "next";
import { Link } from "@/components/ui/navigation";
import { notFound } from "next/navigation";
import { ReleaseChanges } from "@/components/releases/release-changes";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { getRelease, listReleaseChanges } from "@/db/queries/releases";
import { publicBaseUrl, readEnv } from "@/lib/env";
import { describePage, pageInfo, pageQuery } from "@/lib/pagination";
import { dataPackagePath, formatReleaseDate, parseReleaseParam, RELEASE_KIND_LABELS, releaseCitation, releasePath } from "@/lib/releases";
import type { SearchParams } from "@/lib/validation/dashboard-filters";
import { parsePageParams } from "@/lib/validation/paging";

export const dynamic = "force-dynamic";
const PAGE_SIZE = 100;

type Props = { params: Promise<{ number: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const number = parseReleaseParam((await params).number);
  return { title: number ? `Release ${number}` : "Release" };
}

export default async function ReleasePage({ params, searchParams }: Props) {
  const number = parseReleaseParam((await params).number);
  if (!number) notFound();
  const db = getDb();
  const release = await getRelease(db, number);
  if (!release) notFound();
  const { page, pageSize, problems } = parsePageParams(await searchParams, { default: PAGE_SIZE, max: 500 });
  const { rows, total } = await listReleaseChanges(db, number, { limit: pageSize, offset: (page - 1) * pageSize });
  const info = pageInfo(page, pageSize, total);
  const hrefFor = (p: number) => `${releasePath(number)}${pageQuery(p, pageSize, PAGE_SIZE)}`;
  const newRounds = release.rounds.filter((r) => r.firstTime);
  const corrected = release.rounds.filter((r) => !r.firstTime);

  return (
    <>
      <p className="text-sm">
        <Link href="/releases">All releases</Link>
      </p>
      <h1 className="text-2xl font-semibold">Release {release.number}</h1>
      <p className="mt-1 text-stone-700">
        {RELEASE_KIND_LABELS[release.kind]}, published {formatReleaseDate(release.publishedAt)}.
      </p>
      {release.note && <p className="mt-2 max-w-3xl">{release.note}</p>}
      <ul className="mt-2 text-sm">
        {newRounds.length > 0 && <li>Newly published: {newRounds.map((r) => r.name).join("; ")}.</li>}
        {corrected.length > 0 && <li>Corrected: {corrected.map((r) => r.name).join("; ")}.</li>}
      </ul>
      <p className="mt-3 text-sm">
        See it as it stood: <Link href={`/?release=${number}`}>the dashboard in release {number}</Link>
        {release.rounds.length > 0 && (
          <>
            {" "}
            · {release.rounds.slice(0, 3).map((r, i) => (
              <span key={r.slug}>
                {i > 0 && " · "}
                <Link href={`/rounds/${r.slug}?release=${number}`}>{r.name}</Link>
              </span>
            ))}
          </>
        )}
        . <a href={dataPackagePath(number)}>Download the whole release as a data package (zip: CSV and datapackage.json)</a>.
      </p>
      <section className="mt-4 rounded border border-stone-200 bg-white p-3 text-sm">
        <h2 className="font-semibold">Suggested citation</h2>
        <p className="mt-1" data-testid="release-citation">
          {releaseCitation(release, publicBaseUrl(readEnv()))}
        </p>
      </section>
      <h2 className="mt-6 text-lg font-semibold">What changed from release {number - 1 > 0 ? number - 1 : "—"}</h2>
      {problems.length > 0 && <p className="mt-2 text-sm">{problems.join(" ")}</p>}
      <p className="mt-1 text-sm" role="status">
        {total === 0 ? "No published score changed in this release." : describePage(info, "changed scores")}
      </p>
      {rows.length > 0 && <ReleaseChanges changes={rows} />}
      <Pagination info={info} hrefFor={hrefFor} label="Pages of changes" />
    </>
  );
}
