CREATE TABLE `probe_outcome_counts` (
	`model_id` text NOT NULL,
	`probe_key` integer NOT NULL,
	`pass` integer DEFAULT 0 NOT NULL,
	`fail` integer DEFAULT 0 NOT NULL,
	`error` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model_id`, `probe_key`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Hand-written below (drizzle-kit does not generate triggers): fill the counts from the results already stored, then
-- keep them exact on every insert, delete and update of a result, in the same transaction as the row.
INSERT INTO `probe_outcome_counts` (`model_id`, `probe_key`, `pass`, `fail`, `error`)
SELECT `model_id`, `probe_key`, sum(`outcome` = 'pass'), sum(`outcome` = 'fail'), sum(`outcome` = 'error')
FROM `results` GROUP BY `model_id`, `probe_key`;
--> statement-breakpoint
CREATE TRIGGER `results_count_insert` AFTER INSERT ON `results` BEGIN
	INSERT INTO `probe_outcome_counts` (`model_id`, `probe_key`, `pass`, `fail`, `error`)
	VALUES (NEW.`model_id`, NEW.`probe_key`, NEW.`outcome` = 'pass', NEW.`outcome` = 'fail', NEW.`outcome` = 'error')
	ON CONFLICT (`model_id`, `probe_key`) DO UPDATE SET
		`pass` = `pass` + excluded.`pass`, `fail` = `fail` + excluded.`fail`, `error` = `error` + excluded.`error`;
END;
--> statement-breakpoint
CREATE TRIGGER `results_count_delete` AFTER DELETE ON `results` BEGIN
	UPDATE `probe_outcome_counts` SET
		`pass` = `pass` - (OLD.`outcome` = 'pass'), `fail` = `fail` - (OLD.`outcome` = 'fail'), `error` = `error` - (OLD.`outcome` = 'error')
	WHERE `model_id` = OLD.`model_id` AND `probe_key` = OLD.`probe_key`;
	DELETE FROM `probe_outcome_counts`
	WHERE `model_id` = OLD.`model_id` AND `probe_key` = OLD.`probe_key` AND `pass` = 0 AND `fail` = 0 AND `error` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `results_count_update` AFTER UPDATE OF `model_id`, `probe_key`, `outcome` ON `results` BEGIN
	UPDATE `probe_outcome_counts` SET
		`pass` = `pass` - (OLD.`outcome` = 'pass'), `fail` = `fail` - (OLD.`outcome` = 'fail'), `error` = `error` - (OLD.`outcome` = 'error')
	WHERE `model_id` = OLD.`model_id` AND `probe_key` = OLD.`probe_key`;
	DELETE FROM `probe_outcome_counts`
	WHERE `model_id` = OLD.`model_id` AND `probe_key` = OLD.`probe_key` AND `pass` = 0 AND `fail` = 0 AND `error` = 0;
	INSERT INTO `probe_outcome_counts` (`model_id`, `probe_key`, `pass`, `fail`, `error`)
	VALUES (NEW.`model_id`, NEW.`probe_key`, NEW.`outcome` = 'pass', NEW.`outcome` = 'fail', NEW.`outcome` = 'error')
	ON CONFLICT (`model_id`, `probe_key`) DO UPDATE SET
		`pass` = `pass` + excluded.`pass`, `fail` = `fail` + excluded.`fail`, `error` = `error` + excluded.`error`;
END;
