ALTER TABLE `benchmarks` ADD `title_zh` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `description_zh` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `tracks` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `tracks` ADD `short_name_zh` text;--> statement-breakpoint
ALTER TABLE `tracks` ADD `description_zh` text;--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `demand_zh` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `title_zh` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `summary_zh` text;--> statement-breakpoint
ALTER TABLE `subject_events` ADD `description_zh` text;--> statement-breakpoint
ALTER TABLE `subjects` ADD `role_zh` text;--> statement-breakpoint
ALTER TABLE `subjects` ADD `description_zh` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `rationale_lang` text DEFAULT 'en' NOT NULL;