ALTER TABLE "emails" DROP CONSTRAINT "emails_status_check";--> statement-breakpoint
DROP INDEX "emails_due_idx";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "notification_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "claim_token" text;--> statement-breakpoint
CREATE INDEX "emails_user_idx" ON "emails" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "emails_due_idx" ON "emails" USING btree ("priority","next_attempt_at","id") WHERE "emails"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_status_check" CHECK ("emails"."status" in ('pending', 'sent', 'cancelled', 'failed'));