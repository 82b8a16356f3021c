// Environment read once and validated, so a bad setting fails loudly at start instead of deep in a request.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["", "0", "1", "false", "true", "off", "on", "no", "yes"], "Use 1 or 0.")
  .default("")
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

/** A DNS name such as localhost or scorecard.internal: letters, digits and hyphens between dots. */
const hostName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** One CSP source for frame-ancestors: *, 'self', or a scheme + host with an optional *. subdomain and port. */
const ancestorSource = /^(\*|'self'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i;

/** A sender as a mail header takes it: an address, or a name and an address in <>; never a line break. */
const mailbox = /^(?:[^<>\r\n"]{1,100} <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

const envSchema = z
  .object({
  DATABASE_PATH: z.string().min(1).default("data/scorecard.db"),
  /** postgres://user:password@host:port/database runs the app on PostgreSQL instead of the SQLite file (issue 18). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "Use a postgres:// address, or leave DATABASE_URL unset for SQLite.")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address `npm start` listens on: this machine only unless told otherwise (0.0.0.0 or :: for every interface). */
  HOST: z
    .string()
    .trim()
    .default("127.0.0.1")
    .refine((v) => isIP(v) !== 0 || hostName.test(v), "Use an IP address (127.0.0.1, 0.0.0.0, ::) or a host name."),
  /** The public address of the app; with https:// cookies are Secure and HSTS is sent. */
  BETTER_AUTH_URL: z
    .union([z.literal("").transform(() => undefined), z.url({ protocol: /^https?$/, error: "Use a full http:// or https:// address." })])
    .optional(),
  /** Behind a TLS-terminating proxy: mark cookies Secure and send HSTS. */
  AUTH_SECURE_COOKIES: flag,
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (1, true or on = one).
   * Off by default: then no client-sent address header is believed.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .transform((v) => (["", "0", "false", "off", "no"].includes(v) ? "0" : ["true", "on", "yes"].includes(v) ? "1" : v))
    .pipe(z.string().regex(/^\d{1,2}$/, "Use 0 (off), 1 (on) or the number of proxies in front of the app.").transform(Number)),
  /** Sign-in attempts allowed per account per minute, and per client address when TRUST_PROXY is on. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  /** Days a session lasts after sign-in however active it is; idle sessions end sooner (after 7 days). */
  SESSION_LIFETIME_DAYS: z.coerce.number().int("Use a whole number of days.").min(1).max(365).default(14),
  /** "off" computes every public answer from the database per request: for measuring, and for debugging the cache. */
  SCORECARD_PUBLIC_CACHE: z.enum(["on", "off"]).default("on"),
  /**
   * How long a shared cache (a CDN, nginx) may serve a public answer before asking again (s-maxage), and
   * how long after that it may still serve it while it asks (stale-while-revalidate). Shorten it in tests.
   */
  SCORECARD_SHARED_CACHE_SECONDS: z.coerce.number().int("Use a whole number of seconds.").min(1).max(3600).default(60),
  /** Sign-in attempts allowed per minute from all clients together when their address is not known. */
  SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Sites allowed to put /embed/* charts in an iframe: space-separated origins, or * for any. */
  SCORECARD_EMBED_ANCESTORS: z
    .string()
    .trim()
    .default("*")
    .transform((v) => (v ? v.split(/\s+/) : ["*"]))
    .pipe(z.array(z.string().regex(ancestorSource, "List origins like https://example.org, separated by spaces, or *."))),
  /**
   * The mail server reset links are also emailed through (smtp://user:pass@host:587, or smtps:// for TLS from
   * the start); unset, links are only shown to the editor. Never echoed in an error: it may hold a password.
   */
  SMTP_URL: z
    .union([z.literal("").transform(() => undefined), z.url({ protocol: /^smtps?$/, error: "Use smtp://user:password@host:port or smtps://…." })])
    .optional(),
  /** The sender of those messages, e.g. "Dialogue Scorecard <scorecard@example.org>"; needed with SMTP_URL. */
  MAIL_FROM: z
    .union([z.literal("").transform(() => undefined), z.string().trim().regex(mailbox, "Use an address, or a name and <address>, e.g. Dialogue Scorecard <scorecard@example.org>.")])
    .optional(),
  })
  .superRefine((env, context) => {
    if (env.SMTP_URL && !env.MAIL_FROM) context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "Set MAIL_FROM (the sender) whenever SMTP_URL is set." });
  });

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = z.flattenError(parsed.error).fieldErrors;
    throw new Error(`Invalid environment: ${JSON.stringify(problems)}`);
  }
  return parsed.data;
}

/** The PostgreSQL address when DATABASE_URL selects PostgreSQL; undefined for SQLite (read on its own, so a bad other variable does not change the dialect). */
export function databaseUrl(source: Record<string, string | undefined> = process.env): string | undefined {
  const url = source.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export function databaseFile(source: Record<string, string | undefined> = process.env): string {
  return path.resolve(readEnv(source).DATABASE_PATH);
}

/** The address readers use: BETTER_AUTH_URL, or this machine on PORT. */
export function publicBaseUrl(env: Env): string {
  return env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
}

/** Whether readers reach the app over HTTPS (directly or through a TLS-terminating proxy). */
export function servesHttps(env: Env): boolean {
  return publicBaseUrl(env).startsWith("https://") || env.AUTH_SECURE_COOKIES;
}
