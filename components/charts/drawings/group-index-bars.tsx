"use client";

// The recharts half of the group index chart, loaded after hydration (see ../group-index-chart.tsx).
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { formatIndex } from "@/lib/format";
import type { GroupIndexBar } from "../group-index-chart";

export default function GroupIndexDrawing({ bars, height }: { bars: GroupIndexBar[]; height: number }) {
  const t = useTranslations("charts");
  return (
    <BarChart
      layout="vertical"
      responsive
      style={{ width: "100%", height }}
      data={bars}
      margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} interval={0} />
      <Bar dataKey="index" name={t("fulfilmentIndex")} fill="#1d4ed8" isAnimationActive={false}>
        <LabelList dataKey="index" position="right" formatter={(v) => formatIndex(v as number | null)} />
      </Bar>
    </BarChart>
  );
}
