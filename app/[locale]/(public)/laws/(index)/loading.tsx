// In a route group of its own, so it covers the index only: a law's page under [id] keeps its 404 (a loading boundary above it would start every response as a 200).
import { LoadingSkeleton } from "@/components/ui/loading-skeleton";

export default function Loading() {
  return <LoadingSkeleton label="the laws and practices" rows={10} />;
}
