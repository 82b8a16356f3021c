CREATE TABLE `redactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`decision` text NOT NULL,
	`text_hash` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redactions_record_field_idx` ON `redactions` (`record_kind`,`record_id`,`field`);--> statement-breakpoint
ALTER TABLE `benchmark_sources` ADD `withheld` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `statements` ADD `withheld` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `statements_public_date_idx` ON `statements` (`withheld`,`date`,`id`);--> statement-breakpoint
ALTER TABLE `subject_events` ADD `withheld` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `subjects` ADD `aliases` text DEFAULT '' NOT NULL;