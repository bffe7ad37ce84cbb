CREATE TABLE "review_queue_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"v" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "review_queue_version" ("id", "v") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_review_queue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE review_queue_version SET v = v + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_queue_counts_version AFTER INSERT OR UPDATE OR DELETE ON review_queue_counts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_review_queue_version();
