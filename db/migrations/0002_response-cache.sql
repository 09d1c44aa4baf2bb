CREATE TABLE `response_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`endpoint` text NOT NULL,
	`model_name` text NOT NULL,
	`answer` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `response_cache_endpoint_idx` ON `response_cache` (`endpoint`,`model_name`);