import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getPublishedRound } from "@/db/queries/rounds";

// A round that is not public answers 404 here, before loading.tsx's boundary starts the response: a
// notFound() thrown inside that boundary could no longer change the status from 200. The page asks again.
export default async function RoundLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const round = await getPublishedRound(getDb(), (await params).id);
  if (!round) notFound();
  return children;
}
