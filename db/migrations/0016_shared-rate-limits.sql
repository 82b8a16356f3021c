CREATE TABLE `rate_limit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_events_bucket_key_at_idx` ON `rate_limit_events` (`bucket`,`key`,`at`);--> statement-breakpoint
CREATE INDEX `rate_limit_events_bucket_at_idx` ON `rate_limit_events` (`bucket`,`at`);