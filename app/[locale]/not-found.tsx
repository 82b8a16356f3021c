import { NotFoundMessage } from "@/components/ui/not-found-message";
import { SiteChrome } from "@/components/ui/site-chrome";

// Addresses that match no route render here, inside the root layout only, so this adds the chrome.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
