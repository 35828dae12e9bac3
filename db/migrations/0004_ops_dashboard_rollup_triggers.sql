-- Operator dashboard rollups (see the "ops" block in db/schema.ts): triggers keep the daily counts
-- exact. Each change to a lead or a lead notification subtracts the old row and adds the new one.
CREATE OR REPLACE FUNCTION ops_rollup_lead_apply(p_created_at timestamptz, p_school_id integer, p_program_id integer,
  p_request_id uuid, p_duplicate boolean, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date := (p_created_at AT TIME ZONE 'UTC')::date;
  v_dup integer := CASE WHEN p_duplicate THEN p_sign ELSE 0 END;
  v_area integer;
  v_state text;
  v_source text;
BEGIN
  SELECT program_area_id INTO v_area FROM programs WHERE id = p_program_id;
  SELECT coalesce(state, 'Unknown'), coalesce(nullif(attribution ->> 'utm_source', ''), '(none)')
    INTO v_state, v_source FROM lead_requests WHERE id = p_request_id;
  -- Running totals: this day's row starts from the last earlier total; every later row moves too.
  INSERT INTO ops_school_lead_totals AS t (school_id, day, leads, duplicates)
    SELECT p_school_id, v_day, coalesce(prev.leads, 0) + p_sign, coalesce(prev.duplicates, 0) + v_dup
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT c.leads, c.duplicates FROM ops_school_lead_totals c
      WHERE c.school_id = p_school_id AND c.day < v_day ORDER BY c.day DESC LIMIT 1) prev ON true
    ON CONFLICT (school_id, day) DO UPDATE SET leads = t.leads + p_sign, duplicates = t.duplicates + v_dup;
  UPDATE ops_school_lead_totals SET leads = leads + p_sign, duplicates = duplicates + v_dup
    WHERE school_id = p_school_id AND day > v_day;
  IF v_area IS NOT NULL THEN
    INSERT INTO ops_leads_by_area_daily AS t (day, program_area_id, leads, duplicates) VALUES (v_day, v_area, p_sign, v_dup)
      ON CONFLICT (day, program_area_id) DO UPDATE SET leads = t.leads + excluded.leads, duplicates = t.duplicates + excluded.duplicates;
  END IF;
  INSERT INTO ops_leads_by_state_daily AS t (day, state, leads, duplicates) VALUES (v_day, coalesce(v_state, 'Unknown'), p_sign, v_dup)
    ON CONFLICT (day, state) DO UPDATE SET leads = t.leads + excluded.leads, duplicates = t.duplicates + excluded.duplicates;
  INSERT INTO ops_leads_by_source_daily AS t (day, source, leads, duplicates) VALUES (v_day, coalesce(v_source, '(none)'), p_sign, v_dup)
    ON CONFLICT (day, source) DO UPDATE SET leads = t.leads + excluded.leads, duplicates = t.duplicates + excluded.duplicates;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_rollup_delivery_apply(p_lead_created_at timestamptz, p_status outbox_status,
  p_sent_at timestamptz, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date := (p_lead_created_at AT TIME ZONE 'UTC')::date;
BEGIN
  INSERT INTO ops_deliveries_daily AS t (day, status, emails) VALUES (v_day, p_status, p_sign)
    ON CONFLICT (day, status) DO UPDATE SET emails = t.emails + excluded.emails;
  IF p_status = 'sent' AND p_sent_at IS NOT NULL THEN
    INSERT INTO ops_delivery_seconds_daily AS t (day, seconds, emails)
      VALUES (v_day, floor(extract(epoch FROM p_sent_at - p_lead_created_at))::integer, p_sign)
      ON CONFLICT (day, seconds) DO UPDATE SET emails = t.emails + excluded.emails;
    INSERT INTO ops_delivery_seconds_weekly AS t (week, seconds, emails)
      VALUES (date_trunc('week', v_day::timestamp)::date, floor(extract(epoch FROM p_sent_at - p_lead_created_at))::integer, p_sign)
      ON CONFLICT (week, seconds) DO UPDATE SET emails = t.emails + excluded.emails;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_rollup_lead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ops_rollup_lead_apply(OLD.created_at, OLD.school_id, OLD.program_id, OLD.request_id, OLD.duplicate_of_id IS NOT NULL, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM ops_rollup_lead_apply(NEW.created_at, NEW.school_id, NEW.program_id, NEW.request_id, NEW.duplicate_of_id IS NOT NULL, 1);
  END IF;
  -- Deliveries are counted on the lead's day: move them when the lead's time changes.
  IF TG_OP = 'UPDATE' AND OLD.created_at IS DISTINCT FROM NEW.created_at THEN
    PERFORM ops_rollup_delivery_apply(OLD.created_at, o.status, o.sent_at, -1),
      ops_rollup_delivery_apply(NEW.created_at, o.status, o.sent_at, 1)
    FROM email_outbox o WHERE o.lead_id = NEW.id AND o.kind = 'lead_notification';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_lead AFTER INSERT OR DELETE OR UPDATE OF created_at, school_id, program_id, request_id, duplicate_of_id
  ON leads FOR EACH ROW EXECUTE FUNCTION ops_rollup_lead();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_rollup_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_created timestamptz;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'lead_notification' AND OLD.lead_id IS NOT NULL THEN
    SELECT created_at INTO v_created FROM leads WHERE id = OLD.lead_id;
    IF v_created IS NOT NULL THEN PERFORM ops_rollup_delivery_apply(v_created, OLD.status, OLD.sent_at, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind = 'lead_notification' AND NEW.lead_id IS NOT NULL THEN
    SELECT created_at INTO v_created FROM leads WHERE id = NEW.lead_id;
    IF v_created IS NOT NULL THEN PERFORM ops_rollup_delivery_apply(v_created, NEW.status, NEW.sent_at, 1); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_delivery AFTER INSERT OR DELETE OR UPDATE OF kind, lead_id, status, sent_at
  ON email_outbox FOR EACH ROW EXECUTE FUNCTION ops_rollup_delivery();
--> statement-breakpoint
-- A scrub (deletion request, retention) clears a request's state and attribution: its leads move to
-- "Unknown" and "(none)", as a direct count over the raw rows would show them.
CREATE OR REPLACE FUNCTION ops_rollup_request() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old_state text := coalesce(OLD.state, 'Unknown');
  v_new_state text := coalesce(NEW.state, 'Unknown');
  v_old_source text := coalesce(nullif(OLD.attribution ->> 'utm_source', ''), '(none)');
  v_new_source text := coalesce(nullif(NEW.attribution ->> 'utm_source', ''), '(none)');
  r record;
BEGIN
  IF v_old_state = v_new_state AND v_old_source = v_new_source THEN RETURN NULL; END IF;
  FOR r IN
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::integer AS n, count(duplicate_of_id)::integer AS d
    FROM leads WHERE request_id = NEW.id GROUP BY 1
  LOOP
    IF v_old_state <> v_new_state THEN
      UPDATE ops_leads_by_state_daily SET leads = leads - r.n, duplicates = duplicates - r.d WHERE day = r.day AND state = v_old_state;
      INSERT INTO ops_leads_by_state_daily AS t (day, state, leads, duplicates) VALUES (r.day, v_new_state, r.n, r.d)
        ON CONFLICT (day, state) DO UPDATE SET leads = t.leads + excluded.leads, duplicates = t.duplicates + excluded.duplicates;
    END IF;
    IF v_old_source <> v_new_source THEN
      UPDATE ops_leads_by_source_daily SET leads = leads - r.n, duplicates = duplicates - r.d WHERE day = r.day AND source = v_old_source;
      INSERT INTO ops_leads_by_source_daily AS t (day, source, leads, duplicates) VALUES (r.day, v_new_source, r.n, r.d)
        ON CONFLICT (day, source) DO UPDATE SET leads = t.leads + excluded.leads, duplicates = t.duplicates + excluded.duplicates;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_request AFTER UPDATE OF state, attribution ON lead_requests
  FOR EACH ROW EXECUTE FUNCTION ops_rollup_request();
