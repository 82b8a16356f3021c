import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessmentFormSchema } from "./assessment";
import { newSubjectEventSchema } from "./editor";
import { newStatementSchema } from "./statement";
import { linkableWebUrl, optionalWebUrlSchema, webUrlSchema } from "./url";

const HOSTILE = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "\njavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "\u0001javascript:alert(1)",
  "\u0000https://example.org",
  "javascript://example.org/%0Aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/x",
  "//example.org/x",
  "https:\\\\example.org",
  "example.org",
  "https://localhost",
  "https://user:secret@example.org/",
  "https://example.org@evil.example/",
  `https://example.org/${"a".repeat(2100)}`,
];

describe("evidence and source addresses", () => {
  it("accept http and https addresses, trimmed", () => {
    expect(webUrlSchema.parse("https://example.org/report?id=1#p2")).toBe("https://example.org/report?id=1#p2");
    expect(webUrlSchema.parse("  HTTP://Example.org/a  ")).toBe("HTTP://Example.org/a");
    expect(optionalWebUrlSchema.parse("")).toBeNull();
    expect(optionalWebUrlSchema.parse("   ")).toBeNull();
  });

  it.each(HOSTILE)("refuse %j with a message that asks for http(s)", (url) => {
    const result = webUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/http|user name|2,000/);
    expect(optionalWebUrlSchema.safeParse(url).success).toBe(false);
  });

  it("are refused in every form that takes one: evidence, statement sources, event sources", () => {
    type Form = (url: string) => { success: boolean; error?: z.ZodError };
    const evidence: Form = (url) =>
      assessmentFormSchema.safeParse({
        roundSlug: "hrc-37", benchmarkSlug: "x", expectedLatestId: "0", status: "met", rationale: "A long enough rationale.",
        evidenceUrl: [url], evidenceTitle: ["Title"], evidenceDate: [""],
      });
    const statement: Form = (url) =>
      newStatementSchema.safeParse({ title: "A statement", kind: "ngo_joint_letter", date: "2018-01-01", datePrecision: "day", language: "en", sourceUrl: url, roundSlug: "", publishers: "", summary: "", fullText: "" });
    const event: Form = (url) =>
      newSubjectEventSchema.safeParse({ subjectSlug: "x", kind: "released", occurredOn: "2018-01-01", datePrecision: "day", description: "Released.", sourceUrl: url });
    // Each form is otherwise valid, so the address is what it refuses.
    for (const form of [evidence, statement, event]) expect(form("https://example.org/a").success).toBe(true);
    for (const url of HOSTILE) {
      for (const [form, field] of [[evidence, "evidenceUrl"], [statement, "sourceUrl"], [event, "sourceUrl"]] as const) {
        const result = form(url);
        expect(result.success, url).toBe(false);
        expect(Object.keys(z.flattenError(result.error!).fieldErrors), url).toEqual([field]);
      }
    }
  });
});

describe("rendering a stored address", () => {
  it("links only http(s), so a value that slipped into the database some other way is shown as text", () => {
    expect(linkableWebUrl("https://example.org/a")).toBe("https://example.org/a");
    for (const url of ["javascript:alert(1)", " https://example.org", "data:text/html,x", "https://", "/relative"]) expect(linkableWebUrl(url), url).toBeNull();
  });
});
