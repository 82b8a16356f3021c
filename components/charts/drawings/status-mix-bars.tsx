"use client";

// The recharts half of the status mix chart, loaded after hydration (see ../status-mix-chart.tsx).
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { STATUSES } from "@/lib/domain";
import { STATUS_COLOURS } from "@/lib/status-style";
import type { StatusMixBar } from "../status-mix-chart";

export default function StatusMixDrawing({ data, mode, height }: { data: StatusMixBar[]; mode: "count" | "percent"; height: number }) {
  const tStatus = useTranslations("status");
  return (
    <BarChart
      responsive
      style={{ width: "100%", height }}
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
          name={tStatus(status)}
          stackId="status"
          fill={STATUS_COLOURS[status]}
          stroke="#57534e"
          strokeWidth={0.5}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
