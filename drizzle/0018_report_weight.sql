ALTER TABLE "comment_reports" ADD COLUMN "weighty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "weighty_reports" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "comment_reports_dismissed_idx" ON "comment_reports" USING btree ("reporter_id") WHERE "comment_reports"."outcome" = 'dismissed';--> statement-breakpoint
CREATE INDEX "comment_reports_upheld_idx" ON "comment_reports" USING btree ("comment_id") WHERE "comment_reports"."outcome" = 'upheld';--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_outcome_check" CHECK ("comment_reports"."outcome" in ('upheld', 'dismissed'));--> statement-breakpoint
-- A decision settles every report on its comment (see moderateComment): reports
-- already reviewed take the outcome of the comment's decision where it still shows.
UPDATE "comment_reports" SET "outcome" = CASE "comments"."review" WHEN 'hidden' THEN 'upheld' ELSE 'dismissed' END
FROM "comments"
WHERE "comments"."id" = "comment_reports"."comment_id"
  AND "comment_reports"."reviewed"
  AND "comments"."review" IN ('hidden', 'restored');--> statement-breakpoint
-- Every report now puts its comment in the moderators' queue: reported comments still
-- visible and never reviewed join it. Earlier reports are not weighty (weighty_reports 0).
UPDATE "comments" SET "review" = 'pending'
WHERE "status" = 'visible' AND "review" IS NULL AND "open_reports" > 0;
