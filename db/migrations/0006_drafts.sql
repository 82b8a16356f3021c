DROP INDEX `statements_public_date_idx`;--> statement-breakpoint
ALTER TABLE `statements` ADD `review_state` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `created_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `statements` ADD `reviewed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `statements` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `statements` ADD `review_note` text;--> statement-breakpoint
CREATE INDEX `statements_public_date_idx` ON `statements` (`review_state`,`withheld`,`date`,`id`);--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `candidate_key` text;--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `review_state` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `created_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `reviewed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `review_note` text;--> statement-breakpoint
CREATE UNIQUE INDEX `benchmark_sources_candidate_idx` ON `benchmark_sources` (`statement_id`,`candidate_key`);--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `review_state` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `created_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `reviewed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `benchmarks` ADD `merged_into_id` integer REFERENCES benchmarks(id);--> statement-breakpoint
CREATE INDEX `benchmarks_unapproved_idx` ON `benchmarks` (`id`) WHERE review_state <> 'approved';--> statement-breakpoint
-- hand-written below
-- Everything recorded before drafts existed was public: it stays approved. New rows default to draft.
-- The review columns live on tables that 0001's triggers already watch, so a change of state raises data_version.
UPDATE `statements` SET `review_state` = 'approved';--> statement-breakpoint
UPDATE `benchmarks` SET `review_state` = 'approved';--> statement-breakpoint
UPDATE `benchmark_sources` SET `review_state` = 'approved';
