CREATE TABLE `release_rounds` (
	`release_number` integer NOT NULL,
	`round_id` integer NOT NULL,
	`first_time` integer NOT NULL,
	PRIMARY KEY(`release_number`, `round_id`),
	FOREIGN KEY (`release_number`) REFERENCES `releases`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `release_rounds_round_idx` ON `release_rounds` (`round_id`,`release_number`);--> statement-breakpoint
CREATE TABLE `release_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benchmark_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`status` text NOT NULL,
	`basis` text NOT NULL,
	`assessment_id` integer NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`valid_from_release` integer NOT NULL,
	`valid_to_release` integer,
	FOREIGN KEY (`valid_from_release`) REFERENCES `releases`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`valid_to_release`) REFERENCES `releases`(`number`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "release_scores_status_check" CHECK("release_scores"."status" IN ('met', 'partial', 'not_met', 'regressed', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `release_scores_round_benchmark_idx` ON `release_scores` (`round_id`,`benchmark_id`,`valid_from_release`);--> statement-breakpoint
CREATE INDEX `release_scores_benchmark_idx` ON `release_scores` (`benchmark_id`,`round_id`,`valid_from_release`);--> statement-breakpoint
CREATE INDEX `release_scores_from_idx` ON `release_scores` (`valid_from_release`);--> statement-breakpoint
CREATE INDEX `release_scores_to_idx` ON `release_scores` (`valid_to_release`);--> statement-breakpoint
CREATE INDEX `release_scores_open_idx` ON `release_scores` (`round_id`,`benchmark_id`) WHERE valid_to_release IS NULL;--> statement-breakpoint
CREATE TABLE `releases` (
	`number` integer PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text,
	`note` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "releases_kind_check" CHECK("releases"."kind" IN ('new-round', 'correction', 'other')),
	CONSTRAINT "releases_number_positive" CHECK("releases"."number" >= 1)
);
--> statement-breakpoint
-- hand-written below
CREATE TRIGGER `releases_immutable_update` BEFORE UPDATE ON `releases` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `releases_immutable_delete` BEFORE DELETE ON `releases` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `release_rounds_immutable_update` BEFORE UPDATE ON `release_rounds` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `release_rounds_immutable_delete` BEFORE DELETE ON `release_rounds` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `release_scores_immutable_delete` BEFORE DELETE ON `release_scores` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `release_scores_immutable_update` BEFORE UPDATE ON `release_scores`
  WHEN OLD.`valid_to_release` IS NOT NULL OR NEW.`valid_to_release` IS NULL OR NEW.`valid_to_release` <= OLD.`valid_from_release`
    OR NEW.`id` IS NOT OLD.`id` OR NEW.`benchmark_id` IS NOT OLD.`benchmark_id` OR NEW.`round_id` IS NOT OLD.`round_id`
    OR NEW.`status` IS NOT OLD.`status` OR NEW.`basis` IS NOT OLD.`basis` OR NEW.`assessment_id` IS NOT OLD.`assessment_id`
    OR NEW.`is_demo` IS NOT OLD.`is_demo` OR NEW.`evidence` IS NOT OLD.`evidence` OR NEW.`valid_from_release` IS NOT OLD.`valid_from_release`
  BEGIN SELECT RAISE(ABORT, 'A release is immutable: a score row can only be closed, once.'); END;
