import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import type { OwnSession } from "@/db/queries/sessions";
import type { ActionState } from "@/server/auth/guard";
import { deviceInWords, summariseUserAgent } from "@/lib/user-agent";

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/** UTC, to the minute: the same on every device the person compares. */
function minute(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/**
 * A person's open sessions, this browser's marked, each other one with its own "End session" button and
 * one button for all of them. Sessions are named to the forms by id; their tokens never leave the server.
 */
export function SessionList({ sessions, currentId, endSession, endOthers }: { sessions: OwnSession[]; currentId: string; endSession: Action; endOthers: Action }) {
  const t = useTranslations("account.sessions");
  const tDevice = useTranslations("account.sessions.device");
  const when = (date: Date) => t("when", { time: minute(date) });
  const others = sessions.filter((s) => s.id !== currentId);
  const listed = [...sessions.filter((s) => s.id === currentId), ...others];
  return (
    <>
      <ul className="mt-3 flex max-w-3xl flex-col gap-3" data-testid="sessions">
        {listed.map((s) => {
          const device = deviceInWords(summariseUserAgent(s.userAgent), tDevice);
          const current = s.id === currentId;
          return (
            <li key={s.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid={current ? "session-current" : "session-other"}>
              <p className="font-medium">
                {device}
                {current && <span className="ml-2 rounded bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">{t("thisBrowser")}</span>}
              </p>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-stone-700">
                <dt>{t("signedIn")}</dt>
                <dd>{when(s.createdAt)}</dd>
                {s.updatedAt.getTime() - s.createdAt.getTime() > 60_000 && (
                  <>
                    <dt>{t("renewed")}</dt>
                    <dd>{when(s.updatedAt)}</dd>
                  </>
                )}
                <dt>{t("ends")}</dt>
                <dd>{when(s.expiresAt)}</dd>
                <dt>{t("address")}</dt>
                <dd>{s.ipAddress || t("notRecorded")}</dd>
              </dl>
              {!current && (
                <ActionForm
                  action={endSession}
                  testId={`end-session-${s.id}`}
                  submitLabel={t("end")}
                  className="mt-2 flex flex-col gap-1"
                  fields={[{ kind: "hidden", name: "sessionId", value: s.id }]}
                />
              )}
            </li>
          );
        })}
      </ul>
      {others.length === 0 && <p className="mt-3 text-sm text-stone-700">{t("noOthers")}</p>}
      {/* Always there, so that its answer stays on screen after the list above empties. */}
      <ActionForm action={endOthers} testId="end-other-sessions" submitLabel={t("endOthers")} className="mt-3 flex flex-col gap-1" fields={[{ kind: "hidden", name: "confirm", value: "yes" }]} />
    </>
  );
}
