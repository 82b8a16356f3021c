// Colours and symbols for each status, used by charts, badges and the heat map alike. Colour is never
// the only signal: every use also shows the symbol or the label. Badge text/background pairs meet WCAG AA.
import type { Status } from "./domain";

export const STATUS_COLOURS: Record<Status, string> = {
  met: "#1b7f3b",
  partial: "#b7791f",
  not_met: "#9aa1ab",
  regressed: "#b42318",
  unknown: "#e3e6ea",
};

export const STATUS_BADGE: Record<Status, { symbol: string; background: string; text: string; border: string }> = {
  met: { symbol: "✓", background: "#dcfce7", text: "#14532d", border: "#86efac" },
  partial: { symbol: "◐", background: "#fef3c7", text: "#78350f", border: "#fcd34d" },
  not_met: { symbol: "✗", background: "#e7e5e4", text: "#292524", border: "#a8a29e" },
  regressed: { symbol: "↓", background: "#fee2e2", text: "#7f1d1d", border: "#fca5a5" },
  unknown: { symbol: "?", background: "#ffffff", text: "#44403c", border: "#a8a29e" },
};

/**
 * One letter per status, for the heat map's rows as the browser receives them (components/dashboard/
 * heat-map-rows.tsx): besides these, "-" applies but is not scored, "." is not applicable.
 */
export const STATUS_CODES: Record<Status, string> = { met: "m", partial: "p", not_met: "n", regressed: "r", unknown: "u" };
