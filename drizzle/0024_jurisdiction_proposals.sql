CREATE TABLE "jurisdiction_proposal_facts" (
	"proposal_id" integer NOT NULL,
	"field" text NOT NULL,
	"value" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"source_url" text NOT NULL,
	"as_of" date NOT NULL,
	CONSTRAINT "jurisdiction_proposal_facts_proposal_id_field_pk" PRIMARY KEY("proposal_id","field")
);
--> statement-breakpoint
CREATE TABLE "jurisdiction_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"author_id" integer NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"leader_title" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_since" date NOT NULL,
	"leader_source_url" text NOT NULL,
	"population" integer NOT NULL,
	"population_year" integer NOT NULL,
	"population_source_url" text NOT NULL,
	"description" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"jurisdiction_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"claimed_by_id" integer,
	"claim_expires_at" timestamp with time zone,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jurisdiction_proposals_kind_check" CHECK ("jurisdiction_proposals"."kind" in ('city', 'county', 'city_and_county', 'state')),
	CONSTRAINT "jurisdiction_proposals_status_check" CHECK ("jurisdiction_proposals"."status" in ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "jurisdiction_proposals_coordinates_check" CHECK ("jurisdiction_proposals"."latitude" between -90 and 90 and "jurisdiction_proposals"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "review_queue_proposals" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "proposal_id" integer;--> statement-breakpoint
ALTER TABLE "jurisdiction_proposal_facts" ADD CONSTRAINT "jurisdiction_proposal_facts_proposal_id_jurisdiction_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."jurisdiction_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurisdiction_proposals" ADD CONSTRAINT "jurisdiction_proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurisdiction_proposals" ADD CONSTRAINT "jurisdiction_proposals_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurisdiction_proposals" ADD CONSTRAINT "jurisdiction_proposals_claimed_by_id_users_id_fk" FOREIGN KEY ("claimed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurisdiction_proposals" ADD CONSTRAINT "jurisdiction_proposals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jurisdiction_proposals_queue_idx" ON "jurisdiction_proposals" USING btree ("id") WHERE "jurisdiction_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jurisdiction_proposals_state_idx" ON "jurisdiction_proposals" USING btree ("state") WHERE "jurisdiction_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jurisdiction_proposals_author_idx" ON "jurisdiction_proposals" USING btree ("author_id","created_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_proposal_id_jurisdiction_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."jurisdiction_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Proposals wait in the same queue as updates and edits, but review_queue_counts
-- is keyed by (kind, jurisdiction_id) and a proposal has no jurisdiction until it
-- is approved. Rather than loosen that key (a nullable column cannot be in a
-- primary key, and the queue's city filter joins through it), proposals are
-- counted in one row of their own, kept the same way as drizzle/0004 keeps the
-- others; a statement trigger bumps review_queue_version as drizzle/0020 does
-- for review_queue_counts, so the cached queue summary is refiled.
INSERT INTO "review_queue_proposals" ("id", "n") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION count_pending_proposals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'pending' THEN
    UPDATE review_queue_proposals SET n = n - 1 WHERE id = 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'pending' THEN
    UPDATE review_queue_proposals SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jurisdiction_proposals_pending_count
  AFTER INSERT OR DELETE OR UPDATE OF status ON jurisdiction_proposals
  FOR EACH ROW EXECUTE FUNCTION count_pending_proposals();
--> statement-breakpoint
CREATE TRIGGER review_queue_proposals_version AFTER INSERT OR UPDATE OR DELETE ON review_queue_proposals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_review_queue_version();
--> statement-breakpoint
-- The key two place names are compared by for the duplicate warning: accents
-- folded, lower case, the words "city", "county", "of", "town", "village" and
-- punctuation dropped, so "City of Santa Fé" and "Santa Fe" match.
CREATE FUNCTION cw_place_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT trim(regexp_replace(regexp_replace(regexp_replace(lower(public.cw_unaccent($1)), '[^a-z0-9]+', ' ', 'g'), '\m(city|county|of|and|town|village)\M', ' ', 'g'), ' +', ' ', 'g')) $$;
