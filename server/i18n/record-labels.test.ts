// The confidential-names page's record labels and field names in both languages, from their parts.
import { describe, expect, it } from "vitest";
import { TEXT_FIELDS } from "@/db/queries/confidential-texts";
import { recordLabelText, textFieldName } from "./record-labels";

describe("record labels on the confidential-names page", () => {
  it("keep a title as written in either language", () => {
    expect(recordLabelText({ kind: "title", title: "Release Liu Xia" }, "zh")).toBe("Release Liu Xia");
  });

  it("say the words around the parts in the page's language", () => {
    const source = { kind: "source", benchmark: "Release Liu Xia", statement: "Joint letter" } as const;
    expect(recordLabelText(source, "en")).toBe("Release Liu Xia, as Joint letter raised it");
    expect(recordLabelText(source, "zh")).toBe("Release Liu Xia，由Joint letter提出");
    expect(recordLabelText({ kind: "signatory", statement: "Joint letter", position: 2 }, "en")).toBe("Joint letter: signatory 2");
    expect(recordLabelText({ kind: "evidence", benchmark: "End RSDL", round: "UPR 2018" }, "zh")).toBe("End RSDL的证据，于UPR 2018");
  });

  it("name an event's kind from the event list, not its code", () => {
    const event = { kind: "event", subject: "Gao Yu", event: "house_arrest", date: "2015-11-26" } as const;
    expect(recordLabelText(event, "en")).toBe("Gao Yu: House arrest, 2015-11-26");
    expect(recordLabelText(event, "zh")).toBe("Gao Yu：软禁，2015-11-26");
  });

  it("name every field the list reads, in both languages", () => {
    for (const field of TEXT_FIELDS) {
      expect(textFieldName(field, "en")).not.toMatch(/_/);
      expect(textFieldName(field, "zh")).toMatch(/\p{Script=Han}/u);
    }
  });
});
