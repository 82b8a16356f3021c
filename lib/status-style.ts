// Colours for each status, used by charts and tables alike. Never the only signal: every use
// also prints the status label.
import type { Status } from "./domain";

export const STATUS_COLOURS: Record<Status, string> = {
  met: "#1b7f3b",
  partial: "#b7791f",
  not_met: "#9aa1ab",
  regressed: "#b42318",
  unknown: "#e3e6ea",
};
