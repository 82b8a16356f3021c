import { useTranslations } from "next-intl";
import { ExternalLink } from "@/components/ui/external-link";
import type { EvidenceLink } from "@/db/queries/scores";

export function EvidenceList({ evidence }: { evidence: EvidenceLink[] }) {
  const t = useTranslations("scorecard");
  if (evidence.length === 0) return <p className="text-xs text-stone-600">{t("noEvidence")}</p>;
  return (
    <ul className="list-disc pl-5 text-sm">
      {evidence.map((e, i) => (
        // By position: two withheld links share the address "[link withheld]".
        <li key={i}>
          <ExternalLink href={e.url}>{e.title}</ExternalLink>
          {e.publishedOn && <span className="text-stone-600"> ({e.publishedOn})</span>}
        </li>
      ))}
    </ul>
  );
}
