"use client";

/** The backup codes, shown once: as a list, as a text file to download, and printable. */
export function BackupCodes({ codes, email }: { codes: string[]; email: string }) {
  const text = [`Dialogue Scorecard backup codes for ${email}`, "Each code signs you in once, in place of a code from your app.", "", ...codes, ""].join("\n");
  return (
    <section aria-labelledby="backup-codes-heading" className="mt-4 max-w-md rounded border border-amber-300 bg-amber-50 p-4" data-testid="backup-codes">
      <h2 id="backup-codes-heading" className="text-lg font-semibold">
        Your backup codes
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        Each code signs you in once if you lose your phone. Keep them somewhere safe, apart from your password. They are not shown again; new ones replace them all.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-1 font-mono text-base" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-3 flex gap-3 print:hidden">
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="dialogue-scorecard-backup-codes.txt" className="rounded border border-stone-400 px-3 py-1.5 text-sm">
          Download as text
        </a>
        <button type="button" onClick={() => window.print()} className="rounded border border-stone-400 px-3 py-1.5 text-sm">
          Print
        </button>
      </div>
    </section>
  );
}
