"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";
import { STATUS_COLOURS } from "@/lib/status-style";

export type StatusMixBar = { label: string } & Record<Status, number>;

export function StatusMixChart({ bars }: { bars: StatusMixBar[] }) {
  return (
    <div data-testid="status-mix-chart">
      <BarChart
        responsive
        style={{ width: "100%", height: 320 }}
        data={bars}
        margin={{ top: 8, right: 24, bottom: 8, left: 24 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} angle={-35} textAnchor="end" height={70} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip />
        <Legend
          itemSorter={null}
          formatter={(value) => <span style={{ color: "#292524" }}>{value}</span>}
        />
        {STATUSES.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={STATUS_LABELS[status]}
            stackId="status"
            fill={STATUS_COLOURS[status]}
            stroke="#57534e"
            strokeWidth={0.5}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
