CREATE INDEX `benchmarks_applicability_idx` ON `benchmarks` (`applies_from_round_id`,`retired_on`);--> statement-breakpoint
CREATE INDEX `benchmarks_category_title_idx` ON `benchmarks` (`category_id`,`title`,`id`,`applies_from_round_id`,`retired_on`,`confidential`,`addressee`);--> statement-breakpoint
CREATE INDEX `benchmarks_title_idx` ON `benchmarks` (`title`,`id`,`applies_from_round_id`,`retired_on`,`confidential`,`addressee`);--> statement-breakpoint
CREATE INDEX `benchmarks_confidential_idx` ON `benchmarks` (`id`) WHERE confidential = 1;--> statement-breakpoint
CREATE INDEX `benchmarks_retired_idx` ON `benchmarks` (`retired_on`);--> statement-breakpoint
CREATE INDEX `categories_position_idx` ON `categories` (`position`);--> statement-breakpoint
CREATE INDEX `published_scores_round_status_benchmark_idx` ON `published_scores` (`round_id`,`status`,`benchmark_id`);--> statement-breakpoint
CREATE INDEX `published_scores_demo_round_idx` ON `published_scores` (`round_id`) WHERE is_demo = 1;--> statement-breakpoint
CREATE INDEX `statements_date_idx` ON `statements` (`date`);--> statement-breakpoint
CREATE INDEX `subjects_confidential_idx` ON `subjects` (`id`) WHERE confidential = 1;--> statement-breakpoint
CREATE INDEX `subjects_kind_name_idx` ON `subjects` (`kind`,`confidential`,`name`);