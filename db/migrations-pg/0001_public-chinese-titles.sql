ALTER TABLE "assessments" ADD COLUMN "rationale_lang" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "benchmark_sources" ADD COLUMN "demand_zh" text;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "name_zh" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "description_zh" text;--> statement-breakpoint
ALTER TABLE "public_benchmarks" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "public_changes" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "name_zh" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "title_zh" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "summary_zh" text;--> statement-breakpoint
ALTER TABLE "subject_events" ADD COLUMN "description_zh" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "role_zh" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "description_zh" text;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "name_zh" text;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "short_name_zh" text;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "description_zh" text;--> statement-breakpoint
-- hand-written below
-- The next refresh rebuilds the published aggregates, which fills the Chinese titles.
UPDATE "data_version" SET "tallies_version" = -1 WHERE "id" = 1;
