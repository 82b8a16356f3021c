"use client";

import { Link } from "@/components/ui/navigation";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TwoFactorState } from "@/server/auth/two-factor";
import { BackupCodes } from "./backup-codes";
import { QrCode } from "./qr-code";

type Action = (state: TwoFactorState | null, formData: FormData) => Promise<TwoFactorState>;

const input = "rounded border border-stone-400 px-2 py-1.5";
const button = "rounded bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900 disabled:opacity-60";

function Message({ state, id }: { state: TwoFactorState | null; id: string }) {
  return (
    <div aria-live="polite">
      {state && (
        <p id={id} role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.message}
          {state.errors ? ` ${Object.values(state.errors).flat().join(" ")}` : ""}
        </p>
      )}
    </div>
  );
}

function PasswordForm({ action, label, testId, pending, state }: { action: (formData: FormData) => void; label: string; testId: string; pending: boolean; state: TwoFactorState | null }) {
  const t = useTranslations("twoFactor.form");
  const tWorkspace = useTranslations("workspace.form");
  const id = `${testId}-password`;
  return (
    <form action={action} className="mt-3 flex max-w-sm flex-col gap-2" data-testid={testId} noValidate>
      <label htmlFor={id} className="text-sm font-medium">
        {t("password")}
      </label>
      <input id={id} name="password" type="password" autoComplete="current-password" className={input} aria-describedby={state && !state.ok ? `${testId}-message` : undefined} />
      <Message state={state} id={`${testId}-message`} />
      <div>
        <button type="submit" disabled={pending} className={button}>
          {pending ? tWorkspace("working") : label}
        </button>
      </div>
    </form>
  );
}

type Form = [TwoFactorState | null, (formData: FormData) => void, boolean];

/**
 * The account's two-factor sign-in. Off: enrolment in three steps — the password, then the QR code and key
 * with a field for the app's first code (it is on only once that code is right), then the backup codes,
 * shown once. On: new backup codes (shown once), and turning it off unless editors require it. The forms'
 * answers live here, so the codes stay on screen when the page re-renders with the account's new state.
 */
export function TwoFactorPanel({ actions, enabled, required, email, next }: { actions: { start: Action; confirm: Action; regenerate: Action; turnOff: Action }; enabled: boolean; required: boolean; email: string; next: string }) {
  const start = useActionState(actions.start, null);
  const confirm = useActionState(actions.confirm, null);
  const regenerate = useActionState(actions.regenerate, null);
  const turnOff = useActionState(actions.turnOff, null);
  const confirmed = confirm[0];
  const t = useTranslations("twoFactor.form");
  if (confirmed?.ok && confirmed.backupCodes) {
    return (
      <div>
        <Message state={confirmed} id="confirm-message" />
        <BackupCodes codes={confirmed.backupCodes} email={email} />
        <p className="mt-4">
          <Link href={next} className="font-medium">
            {t("continue")}
          </Link>
        </p>
      </div>
    );
  }
  if (enabled) return <Settings regenerate={regenerate} turnOff={turnOff} email={email} required={required} />;
  return (
    <div>
      {turnOff[0]?.ok && <Message state={turnOff[0]} id="turn-off-message" />}
      <Enrolment start={start} confirm={confirm} />
    </div>
  );
}

function Enrolment({ start, confirm }: { start: Form; confirm: Form }) {
  const [started, startAction, starting] = start;
  const [confirmed, confirmAction, confirming] = confirm;
  const enrolment = started?.ok ? started.enrolment : undefined;
  const t = useTranslations("twoFactor.form");
  return (
    <div>
      <section aria-labelledby="step-password">
        <h2 id="step-password" className="mt-4 text-lg font-semibold">
          {t("step1")}
        </h2>
        <PasswordForm action={startAction} label={enrolment ? t("restart") : t("setUp")} testId="two-factor-start" pending={starting} state={started} />
      </section>
      {enrolment && (
        <section aria-labelledby="step-scan" className="mt-6">
          <h2 id="step-scan" className="text-lg font-semibold">
            {t("step2")}
          </h2>
          <p className="mt-1 max-w-xl text-sm text-stone-700">{t("apps")}</p>
          <div className="mt-3">
            <QrCode drawing={enrolment.qr} label={t("qr")} />
          </div>
          <p className="mt-2 text-sm">
            {t("manual")}{" "}
            <code className="font-mono text-base" data-testid="two-factor-secret">
              {enrolment.secret}
            </code>
          </p>
          <form action={confirmAction} className="mt-4 flex max-w-sm flex-col gap-2" data-testid="two-factor-confirm" noValidate>
            <label htmlFor="two-factor-code" className="text-sm font-medium">
              {t("step3")}
            </label>
            <input id="two-factor-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={32} className={input} aria-describedby={confirmed && !confirmed.ok ? "confirm-message" : undefined} />
            <Message state={confirmed} id="confirm-message" />
            <div>
              <button type="submit" disabled={confirming} className={button}>
                {confirming ? t("checking") : t("turnOn")}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

function Settings({ regenerate, turnOff, email, required }: { regenerate: Form; turnOff: Form; email: string; required: boolean }) {
  const [regenerated, regenerateAction, regenerating] = regenerate;
  const [turnedOff, turnOffAction, turningOff] = turnOff;
  const t = useTranslations("twoFactor.form");
  return (
    <div>
      <p className="mt-4 font-medium text-green-800" data-testid="two-factor-on">
        {t("isOn")}
      </p>
      <section aria-labelledby="regenerate-heading" className="mt-6">
        <h2 id="regenerate-heading" className="text-lg font-semibold">
          {t("newCodes")}
        </h2>
        <p className="mt-1 max-w-xl text-sm text-stone-700">{t("newCodesIntro")}</p>
        <PasswordForm action={regenerateAction} label={t("makeCodes")} testId="two-factor-regenerate" pending={regenerating} state={regenerated} />
        {regenerated?.ok && regenerated.backupCodes && <BackupCodes codes={regenerated.backupCodes} email={email} />}
      </section>
      <section aria-labelledby="turn-off-heading" className="mt-6">
        <h2 id="turn-off-heading" className="text-lg font-semibold">
          {t("turnOffHeading")}
        </h2>
        {required ? (
          <p className="mt-1 max-w-xl text-sm text-stone-700">{t("cannotTurnOff")}</p>
        ) : (
          <PasswordForm action={turnOffAction} label={t("turnOff")} testId="two-factor-turn-off" pending={turningOff} state={turnedOff} />
        )}
      </section>
    </div>
  );
}
