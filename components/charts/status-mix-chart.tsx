"use client";

import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";
import { STATUS_COLOURS } from "@/lib/status-style";

export type StatusMixBar = { label: string } & Record<Status, number>;

function asShares(bar: StatusMixBar): StatusMixBar {
  const total = STATUSES.reduce((sum, s) => sum + bar[s], 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((1000 * n) / total) / 10);
  return { label: bar.label, met: share(bar.met), partial: share(bar.partial), not_met: share(bar.not_met), regressed: share(bar.regressed), unknown: share(bar.unknown) };
}

export function StatusMixChart({ bars }: { bars: StatusMixBar[] }) {
  const [mode, setMode] = useState<"count" | "percent">("count");
  const name = useId();
  const data = mode === "count" ? bars : bars.map(asShares);
  return (
    <div data-testid="status-mix-chart">
      <fieldset className="mb-2 flex gap-4 text-sm">
        <legend className="sr-only">Show the status mix as</legend>
        {(["count", "percent"] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input type="radio" name={name} value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === "count" ? "Counts" : "Percent"}
          </label>
        ))}
      </fieldset>
      <BarChart
        responsive
        style={{ width: "100%", height: 320 }}
        data={data}
        margin={{ top: 8, right: 24, bottom: 8, left: 24 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} angle={-35} textAnchor="end" height={70} />
        <YAxis
          allowDecimals={false}
          domain={mode === "percent" ? [0, 100] : [0, "auto"]}
          tick={{ fontSize: 12 }}
          width={40}
          unit={mode === "percent" ? "%" : ""}
        />
        <Tooltip formatter={(value) => (mode === "percent" ? `${value}%` : value)} />
        <Legend itemSorter={null} formatter={(value) => <span style={{ color: "#292524" }}>{value}</span>} />
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
