// The whole domain's schema, one file per area, re-exported here: tables, relations and inferred types.
// Dates are ISO strings ("2015-08-13", or the first day of the month/year with a precision column);
// timestamps are ISO date-times. Text enums are checked by zod at the boundaries (lib/domain.ts).
// drizzle.config.ts reads this folder; every import says "@/db/schema" (or "../schema") and gets it all.
export * from "./auth";
export * from "./reference";
export * from "./statements";
export * from "./subjects";
export * from "./scoring";
export * from "./publishing";
export * from "./audit";
export * from "./releases";
export * from "./relations";
