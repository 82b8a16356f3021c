CREATE TABLE `publication_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`min_coverage_percent` integer DEFAULT 60 NOT NULL,
	`updated_at` text,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "publication_settings_single_row" CHECK("publication_settings"."id" = 1),
	CONSTRAINT "publication_settings_min_coverage_range" CHECK("publication_settings"."min_coverage_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE `published_evidence` (
	`benchmark_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`published_on` text,
	PRIMARY KEY(`benchmark_id`, `round_id`, `position`),
	FOREIGN KEY (`benchmark_id`,`round_id`) REFERENCES `published_scores`(`benchmark_id`,`round_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `assessments` ADD `is_ruling` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written below
INSERT INTO `publication_settings` (`id`, `min_coverage_percent`) VALUES (1, 60);
--> statement-breakpoint
-- Scores published before this migration showed their one assessment's evidence: carry it over, each address once.
INSERT INTO `published_evidence` (`benchmark_id`, `round_id`, `position`, `url`, `title`, `published_on`)
SELECT `benchmark_id`, `round_id`, row_number() OVER (PARTITION BY `benchmark_id`, `round_id` ORDER BY `first_id`), `url`, `title`, `published_on`
  FROM (SELECT ps.`benchmark_id`, ps.`round_id`, el.`url`, el.`title`, el.`published_on`, min(el.`id`) AS `first_id`
          FROM `published_scores` ps JOIN `evidence_links` el ON el.`assessment_id` = ps.`assessment_id`
         GROUP BY ps.`benchmark_id`, ps.`round_id`, el.`url`);
--> statement-breakpoint
-- Both tables change what the public sees (see 0001): every write raises the data version.
CREATE TRIGGER `published_evidence_insert_bumps_data_version` AFTER INSERT ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_evidence_update_bumps_data_version` AFTER UPDATE ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_evidence_delete_bumps_data_version` AFTER DELETE ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_insert_bumps_data_version` AFTER INSERT ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_update_bumps_data_version` AFTER UPDATE ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_delete_bumps_data_version` AFTER DELETE ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
