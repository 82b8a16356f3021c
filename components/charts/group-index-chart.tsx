"use client";

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { formatIndex } from "@/lib/format";

export interface GroupIndexBar {
  label: string;
  index: number | null;
}

/** The fulfilment index of each group (category, addressee) at one round, as horizontal bars on the full 0–100 scale. */
export function GroupIndexChart({ bars, testId }: { bars: GroupIndexBar[]; testId: string }) {
  return (
    <div data-testid={testId}>
      <BarChart
        layout="vertical"
        responsive
        style={{ width: "100%", height: 40 + bars.length * 34 }}
        data={bars}
        margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} interval={0} />
        <Bar dataKey="index" name="Fulfilment index" fill="#1d4ed8" isAnimationActive={false}>
          <LabelList dataKey="index" position="right" formatter={(v) => formatIndex(v as number | null)} />
        </Bar>
      </BarChart>
    </div>
  );
}
