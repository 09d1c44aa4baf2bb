CREATE TABLE `profile_cache` (
	`model_id` text NOT NULL,
	`suite_key` integer NOT NULL,
	`run_ids` text NOT NULL,
	`format` integer NOT NULL,
	`stamp` text NOT NULL,
	`profile` text NOT NULL,
	`tallies` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`model_id`, `suite_key`, `run_ids`)
);
