CREATE TABLE "profile_edit_changes" (
	"edit_id" integer NOT NULL,
	"field" text NOT NULL,
	"from_value" text NOT NULL,
	"from_detail" text NOT NULL,
	"to_value" text NOT NULL,
	"to_detail" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "profile_edit_changes_edit_id_field_pk" PRIMARY KEY("edit_id","field")
);
--> statement-breakpoint
CREATE TABLE "profile_edits" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"claimed_by_id" integer,
	"claim_expires_at" timestamp with time zone,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_edits_status_check" CHECK ("profile_edits"."status" in ('pending', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "profile_revision_changes" (
	"revision_id" integer NOT NULL,
	"field" text NOT NULL,
	"from_value" text NOT NULL,
	"from_detail" text NOT NULL,
	"to_value" text NOT NULL,
	"to_detail" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "profile_revision_changes_revision_id_field_pk" PRIMARY KEY("revision_id","field")
);
--> statement-breakpoint
CREATE TABLE "profile_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"edit_id" integer,
	"reverted_to_id" integer,
	"proposed_by_id" integer,
	"approved_by_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_revisions_kind_check" CHECK ("profile_revisions"."kind" in ('baseline', 'edit', 'revert'))
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_queue_counts" (
	"kind" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "review_queue_counts_kind_jurisdiction_id_pk" PRIMARY KEY("kind","jurisdiction_id")
);
--> statement-breakpoint
DROP INDEX "policy_updates_queue_idx";--> statement-breakpoint
ALTER TABLE "policy_updates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_edit_changes" ADD CONSTRAINT "profile_edit_changes_edit_id_profile_edits_id_fk" FOREIGN KEY ("edit_id") REFERENCES "public"."profile_edits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_edits" ADD CONSTRAINT "profile_edits_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_edits" ADD CONSTRAINT "profile_edits_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_edits" ADD CONSTRAINT "profile_edits_claimed_by_id_users_id_fk" FOREIGN KEY ("claimed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_edits" ADD CONSTRAINT "profile_edits_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revision_changes" ADD CONSTRAINT "profile_revision_changes_revision_id_profile_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."profile_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_edit_id_profile_edits_id_fk" FOREIGN KEY ("edit_id") REFERENCES "public"."profile_edits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_counts" ADD CONSTRAINT "review_queue_counts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_edits_queue_idx" ON "profile_edits" USING btree ("id") WHERE "profile_edits"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "profile_edits_queue_city_idx" ON "profile_edits" USING btree ("jurisdiction_id","id") WHERE "profile_edits"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "profile_edits_author_idx" ON "profile_edits" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "profile_revisions_city_idx" ON "profile_revisions" USING btree ("jurisdiction_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_revisions_edit_unique" ON "profile_revisions" USING btree ("edit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_versions_subject_version" ON "submission_versions" USING btree ("subject","version");--> statement-breakpoint
CREATE INDEX "audit_log_city_idx" ON "audit_log" USING btree ("jurisdiction_id","created_at","id");--> statement-breakpoint
CREATE INDEX "policy_updates_queue_city_idx" ON "policy_updates" USING btree ("jurisdiction_id","id") WHERE "policy_updates"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "policy_updates_queue_kind_idx" ON "policy_updates" USING btree ("kind","id") WHERE "policy_updates"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "policy_updates_queue_idx" ON "policy_updates" USING btree ("id") WHERE "policy_updates"."status" = 'pending';