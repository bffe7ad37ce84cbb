ALTER TABLE "jurisdictions" ADD COLUMN "leader_as_of" date DEFAULT '2017-04-24' NOT NULL;--> statement-breakpoint
-- Rows written before this column existed take today's date, then the default goes.
ALTER TABLE "profile_revision_changes" ADD COLUMN "as_of" date DEFAULT CURRENT_DATE NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_revision_changes" ALTER COLUMN "as_of" DROP DEFAULT;
