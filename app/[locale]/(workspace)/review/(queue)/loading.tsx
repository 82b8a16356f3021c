// In a route group of its own, so it covers the queue only; layout.tsx beside it sends a signed-out reader to sign in before anything streams.
import { LoadingSkeleton } from "@/components/ui/loading-skeleton";

export default function Loading() {
  return <LoadingSkeleton label="your review queue" rows={6} />;
}
