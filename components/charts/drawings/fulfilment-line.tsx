"use client";

// The recharts half of the fulfilment chart: loaded only in the browser, after the page has hydrated
// (see ../fulfilment-line-chart.tsx), so recharts is not part of any page's first-load JavaScript.
import { CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { formatIndex } from "@/lib/format";
import type { FulfilmentPoint } from "../fulfilment-line-chart";

export default function FulfilmentLineDrawing({ points, height }: { points: FulfilmentPoint[]; height: number }) {
  const t = useTranslations("charts");
  return (
    <LineChart
      responsive
      style={{ width: "100%", height }}
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
          return [t("tooltip", { index: formatIndex(value as number | null), judged: point.judged, applicable: point.applicable }), t("index")];
        }}
      />
      <Line type="linear" dataKey="index" name={t("fulfilmentIndex")} stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false}>
        <LabelList dataKey="index" position="top" className="fulfilment-value" formatter={(v) => formatIndex(v as number | null)} />
      </Line>
    </LineChart>
  );
}
