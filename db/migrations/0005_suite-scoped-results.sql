-- Hand-edited after drizzle-kit generate. Every number now belongs to one (model, suite, suite version, run set), so
-- the per-(model, probe) counts pooled over all of a model's runs (migration 0003) go: profiles read the results of
-- the runs they name, and nothing keyed by model alone can mix suites, versions or runs.
DROP TRIGGER IF EXISTS `results_count_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_count_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_count_update`;--> statement-breakpoint
DROP TABLE `probe_outcome_counts`;--> statement-breakpoint
DROP INDEX `probes_id_hash_uq`;--> statement-breakpoint
ALTER TABLE `probes` ADD `suite_id` text NOT NULL DEFAULT '';--> statement-breakpoint
-- Probe ids are namespaced by suite: each existing probe row goes to the first suite (by key) that uses it ...
UPDATE `probes` SET `suite_id` = coalesce((
	SELECT s.`id` FROM `suite_pairs` sp JOIN `suites` s ON s.`key` = sp.`suite_key`
	WHERE `probes`.`key` IN (sp.`easy_probe_key`, sp.`hard_probe_key`) ORDER BY s.`key` LIMIT 1), '');--> statement-breakpoint
-- ... and every other suite that shared it (same id and content) gets its own copy, with its pairs and its runs'
-- results moved onto that copy, so no result is lost and none stays shared between suites.
CREATE TEMP TABLE `probe_split` AS
	SELECT DISTINCT p.`key` AS `old_key`, s.`id` AS `suite_id`
	FROM `suite_pairs` sp JOIN `suites` s ON s.`key` = sp.`suite_key`
	JOIN `probes` p ON p.`key` IN (sp.`easy_probe_key`, sp.`hard_probe_key`)
	WHERE s.`id` <> p.`suite_id`;--> statement-breakpoint
INSERT INTO `probes` (`suite_id`, `id`, `content_hash`, `family_id`, `domain`, `tier`, `prompt`, `answer`, `grader`, `source`, `license`)
	SELECT ps.`suite_id`, p.`id`, p.`content_hash`, p.`family_id`, p.`domain`, p.`tier`, p.`prompt`, p.`answer`, p.`grader`, p.`source`, p.`license`
	FROM `probe_split` ps JOIN `probes` p ON p.`key` = ps.`old_key`;--> statement-breakpoint
CREATE TEMP TABLE `probe_remap` AS
	SELECT ps.`old_key`, ps.`suite_id`, n.`key` AS `new_key`
	FROM `probe_split` ps JOIN `probes` o ON o.`key` = ps.`old_key`
	JOIN `probes` n ON n.`suite_id` = ps.`suite_id` AND n.`id` = o.`id` AND n.`content_hash` = o.`content_hash`;--> statement-breakpoint
UPDATE `suite_pairs` SET `easy_probe_key` = (
	SELECT m.`new_key` FROM `probe_remap` m JOIN `suites` s ON s.`id` = m.`suite_id`
	WHERE s.`key` = `suite_pairs`.`suite_key` AND m.`old_key` = `suite_pairs`.`easy_probe_key`)
WHERE `easy_probe_key` IN (SELECT `old_key` FROM `probe_remap`)
	AND (SELECT `id` FROM `suites` WHERE `key` = `suite_pairs`.`suite_key`) IN (SELECT `suite_id` FROM `probe_remap`);--> statement-breakpoint
UPDATE `suite_pairs` SET `hard_probe_key` = (
	SELECT m.`new_key` FROM `probe_remap` m JOIN `suites` s ON s.`id` = m.`suite_id`
	WHERE s.`key` = `suite_pairs`.`suite_key` AND m.`old_key` = `suite_pairs`.`hard_probe_key`)
WHERE `hard_probe_key` IN (SELECT `old_key` FROM `probe_remap`)
	AND (SELECT `id` FROM `suites` WHERE `key` = `suite_pairs`.`suite_key`) IN (SELECT `suite_id` FROM `probe_remap`);--> statement-breakpoint
UPDATE `results` SET `probe_key` = coalesce((
	SELECT m.`new_key` FROM `probe_remap` m JOIN `runs` r ON r.`id` = `results`.`run_id` JOIN `suites` s ON s.`key` = r.`suite_key`
	WHERE m.`old_key` = `results`.`probe_key` AND m.`suite_id` = s.`id`), `probe_key`)
WHERE `probe_key` IN (SELECT `old_key` FROM `probe_remap`);--> statement-breakpoint
DROP TABLE `probe_remap`;--> statement-breakpoint
DROP TABLE `probe_split`;--> statement-breakpoint
CREATE UNIQUE INDEX `probes_suite_id_hash_uq` ON `probes` (`suite_id`,`id`,`content_hash`);--> statement-breakpoint
ALTER TABLE `probes` ADD `chance` real;--> statement-breakpoint
ALTER TABLE `suite_pairs` ADD `easy_twin_probe_key` integer REFERENCES probes(key);--> statement-breakpoint
ALTER TABLE `suite_pairs` ADD `hard_twin_probe_key` integer REFERENCES probes(key);--> statement-breakpoint
ALTER TABLE `runs` ADD `temperature` real;--> statement-breakpoint
ALTER TABLE `runs` ADD `scope` text;--> statement-breakpoint
ALTER TABLE `models` ADD `scope` text;--> statement-breakpoint
UPDATE `runs` SET `temperature` = json_extract(`settings`, '$.temperature');--> statement-breakpoint
ALTER TABLE `runs` ADD `refusal_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Refusals (and out-of-scope notices, which the graders word as refusals) were stored as wrong answers, with ticks:
-- they become their own outcome, without ticks. A grader that threw was stored as a fail: it becomes an error.
UPDATE `results` SET `outcome` = 'refusal', `ticks` = NULL WHERE `outcome` = 'fail' AND `reason` LIKE 'refusal%';--> statement-breakpoint
UPDATE `results` SET `outcome` = 'error', `error_kind` = 'grader_error' WHERE `outcome` = 'fail' AND `reason` LIKE 'grader error (%';--> statement-breakpoint
UPDATE `runs` SET
	`fail_count` = (SELECT count(*) FROM `results` WHERE `run_id` = `runs`.`id` AND `outcome` = 'fail'),
	`error_count` = (SELECT count(*) FROM `results` WHERE `run_id` = `runs`.`id` AND `outcome` = 'error'),
	`refusal_count` = (SELECT count(*) FROM `results` WHERE `run_id` = `runs`.`id` AND `outcome` = 'refusal');
