ALTER TABLE "policy_updates" DROP CONSTRAINT "policy_updates_status_check";--> statement-breakpoint
ALTER TABLE "policy_updates" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "policy_updates" ADD CONSTRAINT "policy_updates_status_check" CHECK ("policy_updates"."status" in ('pending', 'approved', 'rejected', 'withdrawn', 'hidden'));