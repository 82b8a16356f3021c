// Shown while a scorecard page (or its print view) renders; layout.tsx beside it has already answered 404 for a round that is not public.
import { LoadingSkeleton } from "@/components/ui/loading-skeleton";

export default function Loading() {
  return <LoadingSkeleton label="the round's scorecard" rows={10} />;
}
