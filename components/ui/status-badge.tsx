import { useTranslations } from "next-intl";
import type { Status } from "@/lib/domain";
import { STATUS_BADGE } from "@/lib/status-style";

/** A status as symbol, word and colour: never colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const style = STATUS_BADGE[status];
  const t = useTranslations("status");
  return (
    <span
      className="inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium"
      style={{ background: style.background, color: style.text, borderColor: style.border }}
      data-status={status}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {t(status)}
    </span>
  );
}
