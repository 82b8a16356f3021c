CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`tallies_version` integer DEFAULT -1 NOT NULL,
	`database_id` text DEFAULT (lower(hex(randomblob(8)))) NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK("data_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `public_benchmarks` (
	`benchmark_id` integer PRIMARY KEY NOT NULL,
	`category_id` integer NOT NULL,
	`addressee` text NOT NULL,
	`applies_from_date` text NOT NULL,
	`retired_on` text,
	`title` text NOT NULL,
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `public_benchmarks_order_idx` ON `public_benchmarks` (`category_id`,`applies_from_date`,`title`,`benchmark_id`);--> statement-breakpoint
CREATE TABLE `public_changes` (
	`round_id` integer NOT NULL,
	`previous_round_id` integer NOT NULL,
	`benchmark_id` integer NOT NULL,
	`direction` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`category_id` integer NOT NULL,
	`addressee` text NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`round_id`, `previous_round_id`, `benchmark_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`previous_round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `public_changes_listing_idx` ON `public_changes` (`round_id`,`previous_round_id`,`direction`,`title`,`benchmark_id`);--> statement-breakpoint
CREATE TABLE `public_tallies` (
	`round_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`addressee` text NOT NULL,
	`applicable` integer NOT NULL,
	`met` integer NOT NULL,
	`partial` integer NOT NULL,
	`not_met` integer NOT NULL,
	`regressed` integer NOT NULL,
	`unknown` integer NOT NULL,
	`demo` integer NOT NULL,
	PRIMARY KEY(`round_id`, `category_id`, `addressee`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `published_scores_round_benchmark_status_idx` ON `published_scores` (`round_id`,`benchmark_id`,`status`);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`, `tallies_version`) VALUES (1, 0, -1);
--> statement-breakpoint
-- Every write to a table the public can see raises the data version (see db/schema.ts dataVersion).
-- Assessments, rulings, accounts and the audit log are not public until published, so they do not.
CREATE TRIGGER `source_documents_insert_bumps_data_version` AFTER INSERT ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_documents_update_bumps_data_version` AFTER UPDATE ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_documents_delete_bumps_data_version` AFTER DELETE ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_insert_bumps_data_version` AFTER INSERT ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_update_bumps_data_version` AFTER UPDATE ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_delete_bumps_data_version` AFTER DELETE ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_insert_bumps_data_version` AFTER INSERT ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_update_bumps_data_version` AFTER UPDATE ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_delete_bumps_data_version` AFTER DELETE ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_insert_bumps_data_version` AFTER INSERT ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_update_bumps_data_version` AFTER UPDATE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_delete_bumps_data_version` AFTER DELETE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_insert_bumps_data_version` AFTER INSERT ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_update_bumps_data_version` AFTER UPDATE ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_delete_bumps_data_version` AFTER DELETE ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_insert_bumps_data_version` AFTER INSERT ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_update_bumps_data_version` AFTER UPDATE ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_delete_bumps_data_version` AFTER DELETE ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_insert_bumps_data_version` AFTER INSERT ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_update_bumps_data_version` AFTER UPDATE ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_delete_bumps_data_version` AFTER DELETE ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_insert_bumps_data_version` AFTER INSERT ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_update_bumps_data_version` AFTER UPDATE ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_delete_bumps_data_version` AFTER DELETE ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_insert_bumps_data_version` AFTER INSERT ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_update_bumps_data_version` AFTER UPDATE ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_delete_bumps_data_version` AFTER DELETE ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_insert_bumps_data_version` AFTER INSERT ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_update_bumps_data_version` AFTER UPDATE ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_delete_bumps_data_version` AFTER DELETE ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_insert_bumps_data_version` AFTER INSERT ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_update_bumps_data_version` AFTER UPDATE ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_delete_bumps_data_version` AFTER DELETE ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_insert_bumps_data_version` AFTER INSERT ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_update_bumps_data_version` AFTER UPDATE ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_delete_bumps_data_version` AFTER DELETE ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_insert_bumps_data_version` AFTER INSERT ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_update_bumps_data_version` AFTER UPDATE ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_delete_bumps_data_version` AFTER DELETE ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_insert_bumps_data_version` AFTER INSERT ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_update_bumps_data_version` AFTER UPDATE ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_delete_bumps_data_version` AFTER DELETE ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
