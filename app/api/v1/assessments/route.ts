import { postAssessment } from "@/lib/api/assessments";

export const dynamic = "force-dynamic";

/** Saving a score for reviewers' tools: session cookie, JSON body. Not part of the public read API. */
export function POST(request: Request) {
  return postAssessment(request);
}
