// In a route group of its own, so it covers the queue only; layout.tsx beside it sends a signed-out reader to sign in before anything streams.
import { useTranslations } from "next-intl";
import { LoadingSkeleton } from "@/components/ui/loading-skeleton";

export default function Loading() {
  const t = useTranslations("review");
  return <LoadingSkeleton announcement={t("loading")} rows={6} />;
}
