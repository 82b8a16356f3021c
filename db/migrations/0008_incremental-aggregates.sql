CREATE TABLE `public_stale` (
	`kind` text NOT NULL,
	`id` integer NOT NULL,
	PRIMARY KEY(`kind`, `id`)
);
--> statement-breakpoint
-- hand-written below
DROP TRIGGER IF EXISTS `source_documents_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `source_documents_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `source_documents_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tracks_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tracks_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tracks_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organisations_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organisations_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organisations_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statements_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statements_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statements_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_publishers_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_publishers_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_publishers_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_signatories_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_signatories_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statement_signatories_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `categories_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `categories_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `categories_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmarks_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmarks_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmarks_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_sources_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_sources_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_sources_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_tracks_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_tracks_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_tracks_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subject_events_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subject_events_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subject_events_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_subjects_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_subjects_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `benchmark_subjects_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_scores_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_scores_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_scores_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_evidence_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_evidence_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `published_evidence_delete_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `publication_settings_insert_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `publication_settings_update_bumps_data_version`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `publication_settings_delete_bumps_data_version`;
--> statement-breakpoint
CREATE TRIGGER `source_documents_insert_marks_published_data` AFTER INSERT ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_documents_update_marks_published_data` AFTER UPDATE ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_documents_delete_marks_published_data` AFTER DELETE ON `source_documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_insert_marks_published_data` AFTER INSERT ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_update_marks_published_data` AFTER UPDATE ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tracks_delete_marks_published_data` AFTER DELETE ON `tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_insert_marks_published_data` AFTER INSERT ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', NEW.id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_update_marks_published_data` AFTER UPDATE ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', NEW.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', OLD.id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_delete_marks_published_data` AFTER DELETE ON `rounds` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', OLD.id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_insert_marks_published_data` AFTER INSERT ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_update_marks_published_data` AFTER UPDATE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `organisations_delete_marks_published_data` AFTER DELETE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_insert_marks_published_data` AFTER INSERT ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_update_marks_published_data` AFTER UPDATE ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statements_delete_marks_published_data` AFTER DELETE ON `statements` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_insert_marks_published_data` AFTER INSERT ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_update_marks_published_data` AFTER UPDATE ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_publishers_delete_marks_published_data` AFTER DELETE ON `statement_publishers` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_insert_marks_published_data` AFTER INSERT ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_update_marks_published_data` AFTER UPDATE ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `statement_signatories_delete_marks_published_data` AFTER DELETE ON `statement_signatories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_insert_marks_published_data` AFTER INSERT ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_update_marks_published_data` AFTER UPDATE ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_delete_marks_published_data` AFTER DELETE ON `categories` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_insert_marks_published_data` AFTER INSERT ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE NEW.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_update_marks_published_data` AFTER UPDATE ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE NEW.confidential = 1) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE OLD.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmarks_delete_marks_published_data` AFTER DELETE ON `benchmarks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'category', OLD.category_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE OLD.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_insert_marks_published_data` AFTER INSERT ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_update_marks_published_data` AFTER UPDATE ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_sources_delete_marks_published_data` AFTER DELETE ON `benchmark_sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_tracks_insert_marks_published_data` AFTER INSERT ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'scope', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_tracks_update_marks_published_data` AFTER UPDATE ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'scope', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'scope', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_tracks_delete_marks_published_data` AFTER DELETE ON `benchmark_tracks` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'scope', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_insert_marks_published_data` AFTER INSERT ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', bs.benchmark_id FROM benchmark_subjects bs WHERE bs.subject_id = NEW.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE NEW.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_update_marks_published_data` AFTER UPDATE ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', bs.benchmark_id FROM benchmark_subjects bs WHERE bs.subject_id = NEW.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE NEW.confidential = 1) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', bs.benchmark_id FROM benchmark_subjects bs WHERE bs.subject_id = OLD.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE OLD.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `subjects_delete_marks_published_data` AFTER DELETE ON `subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', bs.benchmark_id FROM benchmark_subjects bs WHERE bs.subject_id = OLD.id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'titles', 0 WHERE OLD.confidential = 1) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_insert_marks_published_data` AFTER INSERT ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_update_marks_published_data` AFTER UPDATE ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `subject_events_delete_marks_published_data` AFTER DELETE ON `subject_events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_insert_marks_published_data` AFTER INSERT ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_update_marks_published_data` AFTER UPDATE ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', NEW.benchmark_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_subjects_delete_marks_published_data` AFTER DELETE ON `benchmark_subjects` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'benchmark', OLD.benchmark_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_insert_marks_published_data` AFTER INSERT ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', NEW.round_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_update_marks_published_data` AFTER UPDATE ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', NEW.round_id) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', OLD.round_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `published_scores_delete_marks_published_data` AFTER DELETE ON `published_scores` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'round', OLD.round_id) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `published_evidence_insert_marks_published_data` AFTER INSERT ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_evidence_update_marks_published_data` AFTER UPDATE ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `published_evidence_delete_marks_published_data` AFTER DELETE ON `published_evidence` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_insert_marks_published_data` AFTER INSERT ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'pairs', 0) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_update_marks_published_data` AFTER UPDATE ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'pairs', 0) WHERE true ON CONFLICT DO NOTHING; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'pairs', 0) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
CREATE TRIGGER `publication_settings_delete_marks_published_data` AFTER DELETE ON `publication_settings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; INSERT INTO `public_stale` (`kind`, `id`) SELECT * FROM (SELECT 'pairs', 0) WHERE true ON CONFLICT DO NOTHING; END;
--> statement-breakpoint
UPDATE `data_version` SET `tallies_version` = -1 WHERE `id` = 1;
