CREATE TABLE `release_tallies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
	`valid_from_release` integer NOT NULL,
	`valid_to_release` integer,
	FOREIGN KEY (`valid_from_release`) REFERENCES `releases`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`valid_to_release`) REFERENCES `releases`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `release_tallies_round_idx` ON `release_tallies` (`round_id`,`valid_from_release`);--> statement-breakpoint
CREATE INDEX `release_tallies_open_idx` ON `release_tallies` (`round_id`,`category_id`,`addressee`) WHERE valid_to_release IS NULL;--> statement-breakpoint
-- Hand-written, as migration 0014's: the figures a release published are immutable; a row can only be closed, once.
CREATE TRIGGER `release_tallies_immutable_delete` BEFORE DELETE ON `release_tallies` BEGIN SELECT RAISE(ABORT, 'A release is immutable.'); END;
--> statement-breakpoint
CREATE TRIGGER `release_tallies_immutable_update` BEFORE UPDATE ON `release_tallies`
  WHEN OLD.`valid_to_release` IS NOT NULL OR NEW.`valid_to_release` IS NULL OR NEW.`valid_to_release` <= OLD.`valid_from_release`
    OR NEW.`id` IS NOT OLD.`id` OR NEW.`round_id` IS NOT OLD.`round_id` OR NEW.`category_id` IS NOT OLD.`category_id` OR NEW.`addressee` IS NOT OLD.`addressee`
    OR NEW.`applicable` IS NOT OLD.`applicable` OR NEW.`met` IS NOT OLD.`met` OR NEW.`partial` IS NOT OLD.`partial` OR NEW.`not_met` IS NOT OLD.`not_met`
    OR NEW.`regressed` IS NOT OLD.`regressed` OR NEW.`unknown` IS NOT OLD.`unknown` OR NEW.`demo` IS NOT OLD.`demo` OR NEW.`valid_from_release` IS NOT OLD.`valid_from_release`
  BEGIN SELECT RAISE(ABORT, 'A release is immutable: a figures row can only be closed, once.'); END;
