import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFile, readEnv, servesHttps } from "./env";

describe("readEnv", () => {
  it("defaults to data/scorecard.db on port 3000, no trusted proxy, embeds allowed anywhere", () => {
    expect(readEnv({})).toEqual({
      DATABASE_PATH: "data/scorecard.db",
      PORT: 3000,
      HOST: "127.0.0.1",
      BETTER_AUTH_URL: undefined,
      AUTH_SECURE_COOKIES: false,
      TRUST_PROXY: 0,
      SIGN_IN_ATTEMPTS_PER_MINUTE: 5,
      SIGN_IN_SHARED_ATTEMPTS_PER_MINUTE: 30,
      SCORECARD_EMBED_ANCESTORS: ["*"],
      SCORECARD_PUBLIC_CACHE: "on",
      SCORECARD_SHARED_CACHE_SECONDS: 60,
      SESSION_LIFETIME_DAYS: 14,
      SMTP_URL: undefined,
      MAIL_FROM: undefined,
    });
  });

  it("takes a shared-cache lifetime of 1 to 3600 whole seconds", () => {
    expect(readEnv({ SCORECARD_SHARED_CACHE_SECONDS: "3" }).SCORECARD_SHARED_CACHE_SECONDS).toBe(3);
    for (const bad of ["0", "3601", "1.5", "soon"]) expect(() => readEnv({ SCORECARD_SHARED_CACHE_SECONDS: bad }), bad).toThrow(/SCORECARD_SHARED_CACHE_SECONDS/);
  });

  it("reads the mail server and sender for reset links, needing both, and never echoes the server's password", () => {
    const env = readEnv({ SMTP_URL: "smtp://scorecard:s3cret@mail.example.org:587", MAIL_FROM: "Dialogue Scorecard <scorecard@example.org>" });
    expect(env).toMatchObject({ SMTP_URL: "smtp://scorecard:s3cret@mail.example.org:587", MAIL_FROM: "Dialogue Scorecard <scorecard@example.org>" });
    expect(readEnv({ SMTP_URL: "smtps://mail.example.org", MAIL_FROM: "scorecard@example.org" }).SMTP_URL).toBe("smtps://mail.example.org");
    expect(readEnv({ SMTP_URL: "", MAIL_FROM: "" })).toMatchObject({ SMTP_URL: undefined, MAIL_FROM: undefined });
    expect(() => readEnv({ SMTP_URL: "smtp://mail.example.org" })).toThrow(/MAIL_FROM/);
    for (const bad of ["https://s3cret@mail.example.org", "mail.example.org:25"]) {
      expect(() => readEnv({ SMTP_URL: bad, MAIL_FROM: "a@example.org" }), bad).toThrow(/SMTP_URL/);
      expect(() => readEnv({ SMTP_URL: bad, MAIL_FROM: "a@example.org" }), bad).not.toThrow(/s3cret/);
    }
    for (const bad of ["scorecard", "A <a@example.org>\r\nBcc: x@example.org", "a@example.org\nBcc: x@example.org", "<a@example.org>"]) {
      expect(() => readEnv({ MAIL_FROM: bad }), JSON.stringify(bad)).toThrow(/MAIL_FROM/);
    }
  });

  it("listens on this machine only unless HOST names another address, and refuses one that is not an address", () => {
    for (const host of ["0.0.0.0", "::", "::1", "192.0.2.10", "localhost", "scorecard.internal"]) expect(readEnv({ HOST: host }).HOST, host).toBe(host);
    for (const bad of ["http://0.0.0.0", "0.0.0.0:3000", "a b", "-x", "host_name"]) expect(() => readEnv({ HOST: bad }), bad).toThrow(/HOST/);
  });

  it("ends every session SESSION_LIFETIME_DAYS after sign-in, a whole number from 1 to 365", () => {
    expect(readEnv({ SESSION_LIFETIME_DAYS: "3" }).SESSION_LIFETIME_DAYS).toBe(3);
    for (const bad of ["0", "1.5", "366", "forever"]) expect(() => readEnv({ SESSION_LIFETIME_DAYS: bad }), bad).toThrow(/SESSION_LIFETIME_DAYS/);
  });

  it("turns the public cache off only when told exactly, and refuses anything else", () => {
    expect(readEnv({ SCORECARD_PUBLIC_CACHE: "off" }).SCORECARD_PUBLIC_CACHE).toBe("off");
    expect(() => readEnv({ SCORECARD_PUBLIC_CACHE: "no" })).toThrow(/SCORECARD_PUBLIC_CACHE/);
  });

  it("reads DATABASE_PATH and PORT", () => {
    expect(readEnv({ DATABASE_PATH: "/tmp/x.db", PORT: "8080" })).toMatchObject({ DATABASE_PATH: "/tmp/x.db", PORT: 8080 });
  });

  it("refuses a port that is not a port, naming the variable", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("resolves the database file to an absolute path", () => {
    expect(databaseFile({ DATABASE_PATH: "data/x.db" })).toBe(path.resolve("data/x.db"));
  });

  it("reads TRUST_PROXY as a number of proxies: off, on (one) or a count", () => {
    for (const off of ["", "0", "false", "off", "OFF", "no"]) expect(readEnv({ TRUST_PROXY: off }).TRUST_PROXY, off).toBe(0);
    for (const on of ["1", "true", "on", "Yes"]) expect(readEnv({ TRUST_PROXY: on }).TRUST_PROXY, on).toBe(1);
    expect(readEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    for (const bad of ["maybe", "-1", "1.5", "10.0.0.1"]) expect(() => readEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it("reads the sites that may frame embeds, refusing anything that could break out of the policy", () => {
    expect(readEnv({ SCORECARD_EMBED_ANCESTORS: "https://example.org  https://*.example.net:8443 'self'" }).SCORECARD_EMBED_ANCESTORS).toEqual([
      "https://example.org",
      "https://*.example.net:8443",
      "'self'",
    ]);
    for (const bad of ["https://example.org; script-src *", "example.org", "javascript:x", "'unsafe-inline'"]) {
      expect(() => readEnv({ SCORECARD_EMBED_ANCESTORS: bad }), bad).toThrow(/SCORECARD_EMBED_ANCESTORS/);
    }
  });

  it("counts the app as served over HTTPS for an https:// address or behind a TLS proxy", () => {
    expect(servesHttps(readEnv({}))).toBe(false);
    expect(servesHttps(readEnv({ BETTER_AUTH_URL: "http://127.0.0.1:3000" }))).toBe(false);
    expect(servesHttps(readEnv({ BETTER_AUTH_URL: "https://scorecard.example.org" }))).toBe(true);
    expect(servesHttps(readEnv({ AUTH_SECURE_COOKIES: "1" }))).toBe(true);
    expect(() => readEnv({ BETTER_AUTH_URL: "ftp://x.org" })).toThrow(/BETTER_AUTH_URL/);
    expect(readEnv({ BETTER_AUTH_URL: "" }).BETTER_AUTH_URL).toBeUndefined();
  });
});
