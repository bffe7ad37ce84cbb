CREATE TABLE "jurisdiction_stats" (
	"jurisdiction_id" integer PRIMARY KEY NOT NULL,
	"follower_count" integer DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "jurisdiction_stats" ADD CONSTRAINT "jurisdiction_stats_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jurisdiction_stats_followers_idx" ON "jurisdiction_stats" USING btree ("follower_count" DESC NULLS LAST,"jurisdiction_id");--> statement-breakpoint
CREATE INDEX "jurisdiction_stats_changed_idx" ON "jurisdiction_stats" USING btree ("changed_at" DESC NULLS LAST,"jurisdiction_id") WHERE "jurisdiction_stats"."changed_at" is not null;--> statement-breakpoint
CREATE INDEX "jurisdictions_name_idx" ON "jurisdictions" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "jurisdictions_state_name_idx" ON "jurisdictions" USING btree ("state_name","name","id");--> statement-breakpoint
CREATE INDEX "jurisdictions_population_idx" ON "jurisdictions" USING btree ("population" DESC NULLS LAST,"name","id");--> statement-breakpoint
CREATE INDEX "policy_facts_value_idx" ON "policy_facts" USING btree ("field","value","jurisdiction_id");--> statement-breakpoint
-- jurisdiction_stats: one row per jurisdiction, kept by statement triggers (one
-- aggregate per statement, so bulk loads stay fast) in the same transaction as the
-- write. "changed_at" is the newest approved update's decision or approved profile
-- revision (an edit or a revert; not the seeded baseline).
CREATE FUNCTION refresh_jurisdiction_changed_at(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE jurisdiction_stats s SET changed_at = greatest(
    (SELECT max(u.decided_at) FROM policy_updates u
      WHERE u.jurisdiction_id = s.jurisdiction_id AND u.status = 'approved'),
    (SELECT max(r.created_at) FROM profile_revisions r
      WHERE r.jurisdiction_id = s.jurisdiction_id AND r.kind <> 'baseline'))
  WHERE s.jurisdiction_id = ANY(ids)
$$;
--> statement-breakpoint
CREATE FUNCTION add_jurisdiction_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jurisdiction_stats (jurisdiction_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jurisdictions_add_stats AFTER INSERT ON jurisdictions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION add_jurisdiction_stats();
--> statement-breakpoint
CREATE FUNCTION count_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE jurisdiction_stats s SET follower_count = s.follower_count + n.c
      FROM (SELECT jurisdiction_id, count(*)::int AS c FROM new_rows GROUP BY 1) n
      WHERE s.jurisdiction_id = n.jurisdiction_id;
  ELSE
    UPDATE jurisdiction_stats s SET follower_count = s.follower_count - n.c
      FROM (SELECT jurisdiction_id, count(*)::int AS c FROM old_rows GROUP BY 1) n
      WHERE s.jurisdiction_id = n.jurisdiction_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER follows_count_insert AFTER INSERT ON follows
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_follows();
--> statement-breakpoint
CREATE TRIGGER follows_count_delete AFTER DELETE ON follows
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_follows();
--> statement-breakpoint
CREATE FUNCTION updates_changed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_jurisdiction_changed_at(ARRAY(
      SELECT DISTINCT jurisdiction_id FROM new_rows WHERE status = 'approved'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_jurisdiction_changed_at(ARRAY(
      SELECT DISTINCT jurisdiction_id FROM old_rows WHERE status = 'approved'));
  ELSE
    PERFORM refresh_jurisdiction_changed_at(ARRAY(
      SELECT DISTINCT n.jurisdiction_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status = 'approved' OR o.status = 'approved')
        AND (n.status IS DISTINCT FROM o.status OR n.decided_at IS DISTINCT FROM o.decided_at
          OR n.jurisdiction_id IS DISTINCT FROM o.jurisdiction_id)
      UNION
      SELECT o.jurisdiction_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE o.status = 'approved' AND n.jurisdiction_id IS DISTINCT FROM o.jurisdiction_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER policy_updates_changed_insert AFTER INSERT ON policy_updates
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION updates_changed_at();
--> statement-breakpoint
CREATE TRIGGER policy_updates_changed_update AFTER UPDATE ON policy_updates
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION updates_changed_at();
--> statement-breakpoint
CREATE TRIGGER policy_updates_changed_delete AFTER DELETE ON policy_updates
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION updates_changed_at();
--> statement-breakpoint
CREATE FUNCTION revisions_changed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_jurisdiction_changed_at(ARRAY(
      SELECT DISTINCT jurisdiction_id FROM new_rows WHERE kind <> 'baseline'));
  ELSE
    PERFORM refresh_jurisdiction_changed_at(ARRAY(
      SELECT DISTINCT jurisdiction_id FROM old_rows WHERE kind <> 'baseline'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER profile_revisions_changed_insert AFTER INSERT ON profile_revisions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION revisions_changed_at();
--> statement-breakpoint
CREATE TRIGGER profile_revisions_changed_delete AFTER DELETE ON profile_revisions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION revisions_changed_at();
--> statement-breakpoint
-- Places already there (a database seeded or loaded before this migration).
INSERT INTO jurisdiction_stats (jurisdiction_id, follower_count)
  SELECT j.id, (SELECT count(*)::int FROM follows f WHERE f.jurisdiction_id = j.id) FROM jurisdictions j
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT refresh_jurisdiction_changed_at(ARRAY(SELECT id FROM jurisdictions));
