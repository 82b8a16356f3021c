import { Link } from "@/components/ui/navigation";
import { formatReleaseDate, releasePath } from "@/lib/releases";

/** Said at the top of a page opened ?release=N: it shows a release, not the current figures. */
export function PinnedReleaseNotice({ release, currentHref }: { release: { number: number; publishedAt: string }; currentHref: string }) {
  return (
    <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="note" data-testid="pinned-release">
      As published in <Link href={releasePath(release.number)}>release {release.number}</Link> on {formatReleaseDate(release.publishedAt)} —{" "}
      <Link href={currentHref}>see the current figures</Link>.
    </p>
  );
}
