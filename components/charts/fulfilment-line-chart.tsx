"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export interface FulfilmentPoint {
  label: string;
  index: number | null;
  judged: number;
  applicable: number;
}

const HEIGHT = 320;

// recharts is most of the dashboard's JavaScript: fetch it after hydration instead of with the page.
const FulfilmentLineDrawing = dynamic(() => import("./drawings/fulfilment-line"), { ssr: false, loading: ChartPlaceholder });

export function FulfilmentLineChart({ points }: { points: FulfilmentPoint[] }) {
  return (
    <div data-testid="fulfilment-chart" style={{ height: HEIGHT }}>
      <FulfilmentLineDrawing points={points} height={HEIGHT} />
    </div>
  );
}
