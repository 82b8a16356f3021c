import { NotFoundMessage } from "@/components/ui/not-found-message";

// Inside this group's layout, which already has the chrome.
export default function NotFound() {
  return <NotFoundMessage />;
}
