"use client";

import { useState, type ReactNode } from "react";

/** A proposal the reviewer may discard: it leaves the page (nothing is stored, so a reload shows it again). */
export function Discardable({ label, children, testId, name }: { label: string; children: ReactNode; testId?: string; name?: string }) {
  const [discarded, setDiscarded] = useState(false);
  if (discarded) return null;
  return (
    <li className="rounded border border-stone-200 bg-white p-4" data-testid={testId} data-name={name}>
      {children}
      <button type="button" onClick={() => setDiscarded(true)} className="mt-2 text-sm underline">
        {label}
      </button>
    </li>
  );
}
