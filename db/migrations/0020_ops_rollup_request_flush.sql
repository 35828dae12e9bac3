-- A transaction that writes a request's leads and then changes the request's state or source (a
-- scrub) must count those leads under the old values and then move them with the request's other
-- leads. Since migration 0019 the leads' rollup triggers run at commit, where they would read the
-- new values, and the request's own trigger (which runs at once) would move them a second time.
-- So before such a change, the leads' pending rollups are applied (while the request still holds
-- its old values). The app does not do this today (a request is written before its leads and not
-- changed after them in one transaction); this keeps the figures exact if it ever does. Deleting a
-- notification and then its lead in one transaction would still leave the notification counted (its
-- trigger finds no lead at commit): delete the lead, which takes its notifications with it.
CREATE OR REPLACE FUNCTION ops_rollup_request_flush() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SET CONSTRAINTS ops_rollup_lead IMMEDIATE;
  SET CONSTRAINTS ops_rollup_lead DEFERRED;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_request_flush BEFORE UPDATE OF state, attribution ON lead_requests
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.attribution IS DISTINCT FROM NEW.attribution)
  EXECUTE FUNCTION ops_rollup_request_flush();
