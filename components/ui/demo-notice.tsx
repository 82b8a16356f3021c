export function DemoNotice() {
  return (
    <aside
      aria-label="About this data"
      className="mb-6 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <strong className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide">Demo</strong>
      The scores shown here are demonstration data shipped with the app, not a published assessment. The
      demands, statements and rounds are real and cite their sources; where a score rests on public record, its
      rationale says so.
    </aside>
  );
}
