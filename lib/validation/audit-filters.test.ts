import { describe, expect, it } from "vitest";
import { auditFiltersToParams, parseAuditFilters } from "./audit-filters";

describe("parseAuditFilters", () => {
  it("keeps valid filters and drops malformed ones with a message", () => {
    const { filters, problems } = parseAuditFilters({ user: "demo-editor", entity: "round", entityId: "7", from: "2026-01-01", to: "2026-13-40" });
    expect(filters).toEqual({ user: "demo-editor", entity: "round", entityId: "7", from: "2026-01-01" });
    expect(problems).toEqual(["to: “2026-13-40” is not a date like 2026-01-31, so it was left out."]);
  });

  it("refuses script in any filter, and a record id without its kind", () => {
    const { filters, problems } = parseAuditFilters({ entity: "<script>", entityId: "1" });
    expect(filters).toEqual({});
    expect(problems).toHaveLength(2);
  });

  it("writes the filters back in a stable order", () => {
    expect(auditFiltersToParams({ to: "2026-02-01", user: "u1" })).toEqual({ user: "u1", to: "2026-02-01" });
  });
});
