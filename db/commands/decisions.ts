import "server-only";
import type { Status } from "@/lib/domain";
import { proposeScore, type EvidenceLink } from "@/lib/review";
import { assessments, editorDecisions, evidenceLinks } from "../schema";
import { transaction, type Executor } from "../transaction";
import { listLatestAssessments } from "../queries/assessments";
import { listLatestDecisions } from "../queries/decisions";
import { recordAudit } from "./audit";
import { ConflictError } from "./review";
import { detectTextLang } from "@/lib/localized";

export type DecisionChoice = { kind: "assessment"; assessmentId: number } | { kind: "own"; status: Status; rationale: string; evidence: EvidenceLink[] };

export interface NewDecision {
  benchmarkId: number;
  roundId: number;
  editorId: string;
  stands: DecisionChoice;
  note: string;
  /** The latest decision's id when the form was opened (0 for none): another one since means a conflict. */
  expectedDecisionId: number;
}

/**
 * Records an editor's decision on a disagreement, or a revision of an earlier decision: a
 * reviewer's current assessment stands, or the editor's own ruling (status, rationale, evidence,
 * written as an assessment marked as a ruling). Appended: earlier decisions stay as the history.
 */
export async function createDecision(db: Executor, input: NewDecision): Promise<number> {
  return await transaction(db, async (tx) => {
    const earlier = (await listLatestDecisions(tx, input.roundId)).get(input.benchmarkId) ?? null;
    if ((earlier?.id ?? 0) !== input.expectedDecisionId) {
      throw new ConflictError("decisionConflict", "Another decision on this benchmark was recorded after you opened the form. Nothing was saved: reload to see it, then decide again.");
    }
    const current = (await listLatestAssessments(tx, input.roundId)).get(input.benchmarkId) ?? [];
    if (!earlier && proposeScore(current, null).kind !== "disagreement") {
      throw new ConflictError("nothingToDecide", "The reviewers do not disagree on this benchmark (or fewer than two have scored it): there is nothing to decide.");
    }
    let assessmentId: number;
    if (input.stands.kind === "assessment") {
      const chosenId = input.stands.assessmentId;
      if (!current.some((a) => a.id === chosenId)) throw new ConflictError("notCurrentAssessment", "That assessment is not a reviewer's current score of this benchmark at this round. Reload and choose again.");
      assessmentId = chosenId;
    } else {
      assessmentId = await writeRuling(tx, input, input.stands);
    }
    const [row] = await tx
      .insert(editorDecisions)
      .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, assessmentId, decidedBy: input.editorId, note: input.note })
      .returning({ id: editorDecisions.id });
    const status = input.stands.kind === "own" ? input.stands.status : current.find((a) => a.id === assessmentId)!.status;
    await recordAudit(tx, {
      userId: input.editorId,
      action: earlier ? "decision.revise" : "decision.create",
      entity: "editor_decision",
      entityId: row!.id,
      before: earlier ? { decisionId: earlier.id, assessmentId: earlier.assessmentId, status: earlier.status, own: earlier.isRuling } : null,
      after: {
        benchmarkId: input.benchmarkId,
        roundId: input.roundId,
        assessmentId,
        status,
        own: input.stands.kind === "own",
        note: input.note,
        ...(input.stands.kind === "own" ? { rationale: input.stands.rationale, evidence: input.stands.evidence } : {}),
      },
    });
    return row!.id;
  });
}

/** The editor's own ruling, stored as an assessment of theirs marked as a ruling, with its evidence. */
async function writeRuling(tx: Executor, input: NewDecision, ruling: Extract<DecisionChoice, { kind: "own" }>): Promise<number> {
  const [row] = await tx
    .insert(assessments)
    .values({ benchmarkId: input.benchmarkId, roundId: input.roundId, reviewerId: input.editorId, status: ruling.status, rationale: ruling.rationale, rationaleLang: detectTextLang(ruling.rationale), isRuling: true })
    .returning({ id: assessments.id });
  const assessmentId = row!.id;
  if (ruling.evidence.length > 0) await tx.insert(evidenceLinks).values(ruling.evidence.map((e) => ({ ...e, assessmentId })));
  return assessmentId;
}
