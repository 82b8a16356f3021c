"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export interface GroupIndexBar {
  label: string;
  index: number | null;
}

const GroupIndexDrawing = dynamic(() => import("./drawings/group-index-bars"), { ssr: false, loading: ChartPlaceholder });

/** The fulfilment index of each group (category, addressee) at one round, as horizontal bars on the full 0–100 scale. */
export function GroupIndexChart({ bars, testId }: { bars: GroupIndexBar[]; testId: string }) {
  const height = 40 + bars.length * 34;
  return (
    <div data-testid={testId} style={{ height }}>
      <GroupIndexDrawing bars={bars} height={height} />
    </div>
  );
}
