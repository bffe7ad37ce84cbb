-- Keeps comment_counts equal to the number of visible comments per page
-- (subject), in the same transaction as every insert, status change or delete.
CREATE FUNCTION count_visible_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'visible' THEN
    UPDATE comment_counts SET n = n - 1
      WHERE subject_type = OLD.subject_type AND subject_id = OLD.subject_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'visible' THEN
    INSERT INTO comment_counts (subject_type, subject_id, n) VALUES (NEW.subject_type, NEW.subject_id, 1)
      ON CONFLICT (subject_type, subject_id) DO UPDATE SET n = comment_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER comments_visible_count
  AFTER INSERT OR DELETE OR UPDATE OF status, subject_type, subject_id ON comments
  FOR EACH ROW EXECUTE FUNCTION count_visible_comments();
