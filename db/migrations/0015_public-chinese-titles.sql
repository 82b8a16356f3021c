ALTER TABLE `public_benchmarks` ADD `title_zh` text;--> statement-breakpoint
ALTER TABLE `public_changes` ADD `title_zh` text;--> statement-breakpoint
-- hand-written below
-- The next refresh rebuilds the published aggregates, which fills the Chinese titles.
UPDATE `data_version` SET `tallies_version` = -1 WHERE `id` = 1;
