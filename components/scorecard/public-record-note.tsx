/**
 * Beside a rationale that rests on public record: its evidence is the source; with none, the reader is
 * told the source is still to be verified before the rationale is cited.
 */
export function PublicRecordNote({ publicRecord, evidenceCount }: { publicRecord: boolean; evidenceCount: number }) {
  if (!publicRecord) return null;
  return (
    <p className="text-xs text-stone-700" data-testid="public-record">
      {evidenceCount > 0 ? "Rests on public record: the evidence below is the source." : "Rests on public record; source to be verified before citing."}
    </p>
  );
}
