-- Search (README › Search): accent-folding needs unaccent, and a generated
-- column needs an immutable function; unaccent() is only stable because its
-- dictionary could change, so this wrapper names the dictionary and is declared
-- immutable (the usual pattern; the dictionary never changes here). Its body
-- names the schema: pg_restore runs with an empty search_path, and it inlines
-- this function while it recomputes the generated columns below.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
CREATE OR REPLACE FUNCTION cw_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
ALTER TABLE "jurisdictions" DROP CONSTRAINT "jurisdictions_kind_check";--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', cw_unaccent(name)), 'A') || setweight(to_tsvector('simple', cw_unaccent(state || ' ' || state_name)), 'B') || setweight(to_tsvector('simple', cw_unaccent(leader_name)), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "article_quotes" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', cw_unaccent(attribution || ' ' || coalesce(source_heading, ''))), 'A') || setweight(to_tsvector('english', cw_unaccent(text)), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', cw_unaccent(title || ' ' || headline)), 'A') || setweight(to_tsvector('english', cw_unaccent(intro_markdown)), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "policy_updates" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', cw_unaccent(title)), 'A') || setweight(to_tsvector('english', cw_unaccent(summary)), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "jurisdictions_search_idx" ON "jurisdictions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "policy_updates_search_idx" ON "policy_updates" USING gin ("search_vector") WHERE "policy_updates"."status" = 'approved';--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_coordinates_check" CHECK (("jurisdictions"."latitude" is null) = ("jurisdictions"."longitude" is null) and "jurisdictions"."latitude" between -90 and 90 and "jurisdictions"."longitude" between -180 and 180);--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_kind_check" CHECK ("jurisdictions"."kind" in ('city', 'county', 'city_and_county', 'state'));