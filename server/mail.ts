// Outgoing mail, only when SMTP_URL is set: for now the password-reset link an editor issues. No
// "server-only" marker: the user:reset-password command sends through here too. Nothing here logs a
// message or its link; a failure comes back as words for the editor, who still has the link.
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type MailResult = { sent: true; to: string } | { sent: false; to: string; error: string };

/** Whether mail can be sent at all: both the server and the sender are configured. */
export function mailConfigured(env: Env): env is Env & { SMTP_URL: string; MAIL_FROM: string } {
  return Boolean(env.SMTP_URL && env.MAIL_FROM);
}

/**
 * Sends one message and says whether the server took it. Short timeouts, so an editor waits seconds, not
 * minutes, for a mail server that does not answer; the error never includes SMTP_URL (it may hold a password).
 */
function withoutSecrets(text: string, smtpUrl: string): string {
  let clean = text.replaceAll(smtpUrl, "the mail server");
  const { password } = new URL(smtpUrl);
  for (const secret of [password, decodeURIComponent(password)]) if (secret) clean = clean.replaceAll(secret, "…");
  return clean;
}

export async function sendMail(env: Env & { SMTP_URL: string; MAIL_FROM: string }, mail: Mail): Promise<MailResult> {
  const transport = nodemailer.createTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return { sent: true, to: mail.to };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { sent: false, to: mail.to, error: withoutSecrets(reason, env.SMTP_URL).slice(0, 300) };
  } finally {
    transport.close();
  }
}
