// Shown while the router fetches a dashboard view; a cached view arrives whole (see README, Performance), so readers of the cache never see it.
import { LoadingSkeleton } from "@/components/ui/loading-skeleton";

export default function Loading() {
  return <LoadingSkeleton label="the dashboard" rows={8} />;
}
