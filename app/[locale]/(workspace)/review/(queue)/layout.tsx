import { requirePageUser } from "@/server/auth/session";

// Signed-out readers are sent to sign in here, with a 307, before loading.tsx's boundary starts the
// response (a redirect inside it would arrive as a 200 and a client-side jump). The page asks again.
export default async function ReviewQueueLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser("/review");
  return children;
}
