CREATE TABLE `families` (
	`id` text PRIMARY KEY NOT NULL,
	`domain` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`pair_rule` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `families_domain_idx` ON `families` (`domain`);--> statement-breakpoint
CREATE TABLE `probes` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`content_hash` text NOT NULL,
	`family_id` text NOT NULL,
	`domain` text NOT NULL,
	`tier` text NOT NULL,
	`prompt` text NOT NULL,
	`answer` text NOT NULL,
	`grader` text NOT NULL,
	`source` text,
	`license` text,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `probes_id_hash_uq` ON `probes` (`id`,`content_hash`);--> statement-breakpoint
CREATE INDEX `probes_family_tier_idx` ON `probes` (`family_id`,`tier`);--> statement-breakpoint
CREATE TABLE `suite_pairs` (
	`suite_key` integer NOT NULL,
	`pair_id` text NOT NULL,
	`family_id` text NOT NULL,
	`easy_probe_key` integer NOT NULL,
	`hard_probe_key` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`suite_key`, `pair_id`),
	FOREIGN KEY (`suite_key`) REFERENCES `suites`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`easy_probe_key`) REFERENCES `probes`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hard_probe_key`) REFERENCES `probes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suite_pairs_family_idx` ON `suite_pairs` (`suite_key`,`family_id`);--> statement-breakpoint
CREATE TABLE `suites` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`version` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suites_id_version_uq` ON `suites` (`id`,`version`);--> statement-breakpoint
CREATE TABLE `models` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`arch` text DEFAULT 'llm' NOT NULL,
	`base_url` text,
	`model_name` text NOT NULL,
	`api_key_env` text,
	`temperature` real,
	`max_tokens` integer,
	`system_prompt` text,
	`reasoning` integer DEFAULT false NOT NULL,
	`price_input` real,
	`price_output` real,
	`origin` text DEFAULT 'config' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`model_id` text NOT NULL,
	`probe_key` integer NOT NULL,
	`family_id` text NOT NULL,
	`domain` text NOT NULL,
	`tier` text NOT NULL,
	`sample` integer NOT NULL,
	`outcome` text NOT NULL,
	`error_kind` text,
	`response` text,
	`extracted` text,
	`reason` text NOT NULL,
	`latency_ms` integer,
	`prompt_tokens` integer,
	`completion_tokens` integer,
	`cost_usd` real,
	`ticks` integer,
	`telemetry` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`probe_key`) REFERENCES `probes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_run_probe_sample_uq` ON `results` (`run_id`,`probe_key`,`sample`);--> statement-breakpoint
CREATE INDEX `results_model_probe_idx` ON `results` (`model_id`,`probe_key`,`outcome`);--> statement-breakpoint
CREATE INDEX `results_model_family_idx` ON `results` (`model_id`,`family_id`,`tier`,`outcome`);--> statement-breakpoint
CREATE INDEX `results_run_outcome_idx` ON `results` (`run_id`,`outcome`,`error_kind`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`model_id` text NOT NULL,
	`suite_key` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`settings` text NOT NULL,
	`samples` integer DEFAULT 1 NOT NULL,
	`expected` integer NOT NULL,
	`pass_count` integer DEFAULT 0 NOT NULL,
	`fail_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`origin` text DEFAULT 'eval' NOT NULL,
	`lease_owner` text,
	`lease_expires_at` integer,
	`message` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suite_key`) REFERENCES `suites`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_model_idx` ON `runs` (`model_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `runs` (`status`,`lease_expires_at`);