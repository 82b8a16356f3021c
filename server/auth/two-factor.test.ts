// The enrolment page's words for better-auth's refusals. The plugin throws better-call's APIError,
// which is not the class better-auth/api exports: the mapping must recognise both, or a wrong code
// becomes an error page instead of "That code is not right".
import { APIError as BetterCallError } from "better-call";
import { APIError as BetterAuthError } from "better-auth/api";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { refusal } = await import("./two-factor");
const { ActionError } = await import("./guard");

describe("two-factor refusals", () => {
  it.each([
    ["better-call's", (status: "UNAUTHORIZED" | "BAD_REQUEST", body: object) => new BetterCallError(status, body)],
    ["better-auth's", (status: "UNAUTHORIZED" | "BAD_REQUEST", body: object) => new BetterAuthError(status, body)],
  ])("words %s APIError for the page", (_name, make) => {
    expect(() => refusal(make("UNAUTHORIZED", { message: "Invalid code", code: "INVALID_CODE" }))).toThrow(new ActionError("That code is not right. Check the time on your phone is correct, wait for the next code and try again."));
    expect(() => refusal(make("BAD_REQUEST", { message: "Invalid password", code: "INVALID_PASSWORD" }))).toThrow(/That is not your password/);
    expect(() => refusal(make("UNAUTHORIZED", { message: "no session" }))).toThrow(/Your session has ended/);
  });

  it("throws anything else on as it is", () => {
    const fault = new Error("disk full");
    expect(() => refusal(fault)).toThrow(fault);
  });
});
