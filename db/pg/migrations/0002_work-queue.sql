CREATE TABLE "rate_slots" (
	"endpoint" text NOT NULL,
	"slot" integer NOT NULL,
	"used_at" bigint NOT NULL,
	CONSTRAINT "rate_slots_endpoint_slot_pk" PRIMARY KEY("endpoint","slot")
);
--> statement-breakpoint
CREATE TABLE "run_chunks" (
	"run_id" integer NOT NULL,
	"chunk" integer NOT NULL,
	"first_position" integer NOT NULL,
	"last_position" integer NOT NULL,
	"job_id" text,
	"done_at" bigint,
	"done_by" text,
	CONSTRAINT "run_chunks_run_id_chunk_pk" PRIMARY KEY("run_id","chunk")
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" bigint NOT NULL,
	"heartbeat_at" bigint NOT NULL,
	"run_id" integer,
	"chunk" integer
);
--> statement-breakpoint
CREATE INDEX "rate_slots_free_idx" ON "rate_slots" USING btree ("endpoint","used_at");--> statement-breakpoint
CREATE INDEX "workers_heartbeat_idx" ON "workers" USING btree ("heartbeat_at");