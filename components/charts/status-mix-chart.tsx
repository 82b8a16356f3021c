"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { STATUSES, type Status } from "@/lib/domain";
import { ChartPlaceholder } from "./chart-placeholder";

export type StatusMixBar = { label: string } & Record<Status, number>;

const HEIGHT = 320;

const StatusMixDrawing = dynamic(() => import("./drawings/status-mix-bars"), { ssr: false, loading: ChartPlaceholder });

function asShares(bar: StatusMixBar): StatusMixBar {
  const total = STATUSES.reduce((sum, s) => sum + bar[s], 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((1000 * n) / total) / 10);
  return { label: bar.label, met: share(bar.met), partial: share(bar.partial), not_met: share(bar.not_met), regressed: share(bar.regressed), unknown: share(bar.unknown) };
}

export function StatusMixChart({ bars }: { bars: StatusMixBar[] }) {
  const t = useTranslations("charts");
  const [mode, setMode] = useState<"count" | "percent">("count");
  const name = useId();
  const data = mode === "count" ? bars : bars.map(asShares);
  return (
    <div data-testid="status-mix-chart">
      <fieldset className="mb-2 flex gap-4 text-sm">
        <legend className="sr-only">{t("mixLegend")}</legend>
        {(["count", "percent"] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input type="radio" name={name} value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === "count" ? t("counts") : t("percent")}
          </label>
        ))}
      </fieldset>
      <div style={{ height: HEIGHT }}>
        <StatusMixDrawing data={data} mode={mode} height={HEIGHT} />
      </div>
    </div>
  );
}
