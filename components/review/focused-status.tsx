"use client";

import { useEffect, useRef } from "react";

/** A confirmation that takes the keyboard focus when it appears, e.g. after "save and next" brought the reviewer here. */
export function FocusedStatus({ children, testId }: { children: React.ReactNode; testId?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} role="status" tabIndex={-1} data-testid={testId} className="mt-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {children}
    </p>
  );
}
