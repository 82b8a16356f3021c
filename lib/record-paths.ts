// Where each kind of record is corrected in the workspace: /editor/records/<kind>/<slug>. Public pages
// link there ("edit") for signed-in editors; the audit log and the history link there too.
import type { EditableEntity } from "./record-changes";

const FOLDERS: Record<Exclude<EditableEntity, "subject_event">, string> = {
  track: "tracks",
  round: "rounds",
  category: "categories",
  subject: "subjects",
  statement: "statements",
  benchmark: "benchmarks",
};

export type RecordPageEntity = keyof typeof FOLDERS;

export function recordEditPath(entity: RecordPageEntity, slug: string): string {
  return `/editor/records/${FOLDERS[entity]}/${encodeURIComponent(slug)}`;
}
