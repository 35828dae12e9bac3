-- Refused Request Info submissions per UTC day and reason (see lead_rejections in db/schema.ts):
-- each insert or delete of a lead_rejections row moves the count, like the other dashboard rollups.
CREATE OR REPLACE FUNCTION ops_rollup_lead_rejection() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE ops_lead_rejections_daily SET rejections = rejections - 1
      WHERE day = (OLD.created_at AT TIME ZONE 'UTC')::date AND reason = OLD.reason;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO ops_lead_rejections_daily AS t (day, reason, rejections) VALUES ((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.reason, 1)
      ON CONFLICT (day, reason) DO UPDATE SET rejections = t.rejections + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_lead_rejection AFTER INSERT OR DELETE OR UPDATE OF created_at, reason
  ON lead_rejections FOR EACH ROW EXECUTE FUNCTION ops_rollup_lead_rejection();
