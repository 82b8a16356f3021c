import { postAssessment } from "@/server/api/assessments";
import { acceptOnly } from "@/server/api/read-only";

export const dynamic = "force-dynamic";

/** Saving a score for reviewers' tools: session cookie, JSON body. Not part of the public read API. */
export function POST(request: Request) {
  return postAssessment(request);
}

const postOnly = acceptOnly(["POST"], "takes a new assessment (POST) only");
export const { methodNotAllowed: GET, methodNotAllowed: HEAD, methodNotAllowed: PUT, methodNotAllowed: PATCH, methodNotAllowed: DELETE, options: OPTIONS } = postOnly;
