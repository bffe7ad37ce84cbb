-- Keeps review_queue_counts equal to the number of pending submissions per
-- kind and city, in the same transaction as every insert, status change or
-- delete, whatever code makes it.
CREATE FUNCTION count_pending_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'pending' THEN
    UPDATE review_queue_counts SET n = n - 1
      WHERE kind = OLD.kind AND jurisdiction_id = OLD.jurisdiction_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'pending' THEN
    INSERT INTO review_queue_counts (kind, jurisdiction_id, n) VALUES (NEW.kind, NEW.jurisdiction_id, 1)
      ON CONFLICT (kind, jurisdiction_id) DO UPDATE SET n = review_queue_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION count_pending_edits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'pending' THEN
    UPDATE review_queue_counts SET n = n - 1
      WHERE kind = 'profile_edit' AND jurisdiction_id = OLD.jurisdiction_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'pending' THEN
    INSERT INTO review_queue_counts (kind, jurisdiction_id, n) VALUES ('profile_edit', NEW.jurisdiction_id, 1)
      ON CONFLICT (kind, jurisdiction_id) DO UPDATE SET n = review_queue_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER policy_updates_pending_count
  AFTER INSERT OR DELETE OR UPDATE OF status, kind, jurisdiction_id ON policy_updates
  FOR EACH ROW EXECUTE FUNCTION count_pending_updates();
--> statement-breakpoint
CREATE TRIGGER profile_edits_pending_count
  AFTER INSERT OR DELETE OR UPDATE OF status, jurisdiction_id ON profile_edits
  FOR EACH ROW EXECUTE FUNCTION count_pending_edits();
--> statement-breakpoint
INSERT INTO review_queue_counts (kind, jurisdiction_id, n)
  SELECT kind, jurisdiction_id, count(*) FROM policy_updates WHERE status = 'pending'
  GROUP BY kind, jurisdiction_id;
--> statement-breakpoint
INSERT INTO review_queue_counts (kind, jurisdiction_id, n)
  SELECT 'profile_edit', jurisdiction_id, count(*) FROM profile_edits WHERE status = 'pending'
  GROUP BY jurisdiction_id;
