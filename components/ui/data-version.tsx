/** The publication time a page's figures come from: the data version every view and export names. */
export function DataVersion({ publishedAt }: { publishedAt: string | null }) {
  if (!publishedAt) return null;
  const text = `${publishedAt.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <p className="text-xs text-stone-600">
      Data version: published <time dateTime={publishedAt}>{text}</time>
    </p>
  );
}
