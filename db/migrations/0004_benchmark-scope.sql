CREATE TABLE `benchmark_tracks` (
	`benchmark_id` integer NOT NULL,
	`track_id` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `track_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benchmark_tracks_track_idx` ON `benchmark_tracks` (`track_id`,`benchmark_id`);--> statement-breakpoint
DROP INDEX `public_changes_listing_idx`;--> statement-breakpoint
ALTER TABLE `public_changes` ADD `from_round_id` integer REFERENCES rounds(id);--> statement-breakpoint
CREATE INDEX `public_changes_listing_idx` ON `public_changes` (`round_id`,`previous_round_id`,`direction`,`title`,`benchmark_id`,`from_round_id`);--> statement-breakpoint
-- hand-written below
-- A benchmark's scope decides where it counts in public figures: writes to it raise the data version (see 0001).
CREATE TRIGGER `benchmark_tracks_insert_bumps_data_version` AFTER INSERT ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_tracks_update_bumps_data_version` AFTER UPDATE ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_tracks_delete_bumps_data_version` AFTER DELETE ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
-- Stored changes lack from_round_id: drop them and let the next reader rebuild every aggregate.
DELETE FROM `public_changes`;
--> statement-breakpoint
UPDATE `data_version` SET `tallies_version` = -1 WHERE `id` = 1;
