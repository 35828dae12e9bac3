-- The dashboard's rollups of leads and lead notifications are applied at commit instead of at each
-- statement (constraint triggers, deferred). Their rows are shared by every submission of the day
-- (the day's '(none)' source row, the day's pending-delivery row, a program's series), and a row
-- updated by a trigger stays locked until commit. Fired at the statement, the lock was held across
-- the rest of the Request Info transaction, several round trips; with the app's event loop busy
-- that was a second or more per submission, and every other submission of the day waited in line.
-- Fired at commit, it is held for the commit alone. The functions are unchanged: they read the
-- lead's request and program as they stand at commit, which is how the statement saw them on every
-- path that writes leads (the request is written before its leads, and not changed after them in
-- the same transaction). The request trigger (a scrub moves its leads' counts) stays immediate.
DROP TRIGGER ops_rollup_lead ON leads;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ops_rollup_lead AFTER INSERT OR DELETE OR UPDATE OF created_at, school_id, program_id, request_id, duplicate_of_id
  ON leads DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ops_rollup_lead();
--> statement-breakpoint
DROP TRIGGER ops_rollup_lead_months ON leads;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ops_rollup_lead_months AFTER INSERT OR DELETE OR UPDATE OF created_at, program_id, school_id, duplicate_of_id
  ON leads DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ops_rollup_lead_months();
--> statement-breakpoint
DROP TRIGGER ops_rollup_delivery ON email_outbox;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ops_rollup_delivery AFTER INSERT OR DELETE OR UPDATE OF kind, lead_id, status, sent_at
  ON email_outbox DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ops_rollup_delivery();
