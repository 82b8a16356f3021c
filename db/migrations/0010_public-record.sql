ALTER TABLE `assessments` ADD `public_record` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written below
-- Demo scores loaded before the flag existed: the seed's rule was that a rationale resting on public
-- record is the outcome's own words, and every other demo rationale begins "Demo score" (or "No
-- recovery since:", the demo's inference after a setback).
UPDATE `assessments` SET `public_record` = 1 WHERE `is_demo` = 1 AND `rationale` NOT LIKE 'Demo score%' AND `rationale` NOT LIKE 'No recovery since:%';
