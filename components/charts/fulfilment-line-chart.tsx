"use client";

import { CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatIndex } from "@/lib/format";

export interface FulfilmentPoint {
  label: string;
  index: number | null;
  judged: number;
  applicable: number;
}

export function FulfilmentLineChart({ points }: { points: FulfilmentPoint[] }) {
  return (
    <div data-testid="fulfilment-chart">
      <LineChart
        responsive
        style={{ width: "100%", height: 320 }}
        data={points}
        margin={{ top: 24, right: 24, bottom: 8, left: 44 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} angle={-35} textAnchor="end" height={70} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} width={40} />
        <Tooltip
          formatter={(value, _name, item) => {
            const point = item.payload as FulfilmentPoint;
            return [`${formatIndex(value as number | null)} (over ${point.judged} judged of ${point.applicable})`, "Index"];
          }}
        />
        <Line type="linear" dataKey="index" name="Fulfilment index" stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false}>
          <LabelList dataKey="index" position="top" className="fulfilment-value" formatter={(v) => formatIndex(v as number | null)} />
        </Line>
      </LineChart>
    </div>
  );
}
