-- Clicks to leads running counts (see ops_click_lead_months in db/schema.ts): each insert, update or
-- delete of a click, or of a first lead (duplicate_of_id null), takes its old row out of its program's
-- and its school's series and puts its new row in, in the same transaction.

-- `a` with n added to elements k..len (len: days in the month); a null `a` counts as all zeros.
CREATE OR REPLACE FUNCTION ops_click_lead_months_add(a integer[], k integer, len integer, n integer) RETURNS integer[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(coalesce(a[i], 0) + CASE WHEN i >= k THEN n ELSE 0 END ORDER BY i) FROM generate_series(1, len) i
$$;
--> statement-breakpoint
-- p_series: a program's id, or a school's id negated.
CREATE OR REPLACE FUNCTION ops_click_lead_months_apply(p_series integer, p_at timestamptz, p_clicks integer, p_leads integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date := (p_at AT TIME ZONE 'UTC')::date;
  v_month date := date_trunc('month', v_day)::date;
  v_len integer := (v_month + interval '1 month')::date - v_month;
  v_first date;
  v_last date;
  v_clicks integer;
  v_leads integer;
BEGIN
  -- One writer per series at a time: the rows below are read, then extended.
  PERFORM pg_advisory_xact_lock(hashtext('ops_click_lead_months'), p_series);
  SELECT min(month), max(month) INTO v_first, v_last FROM ops_click_lead_months
    WHERE series = p_series;
  IF v_last IS NULL THEN
    INSERT INTO ops_click_lead_months (month, series) VALUES (v_month, p_series);
  ELSIF v_month > v_last THEN
    -- Later than the series' last month: the months between start from its total, with nothing in them.
    SELECT clicks_before + coalesce(clicks[array_upper(clicks, 1)], 0), leads_before + coalesce(leads[array_upper(leads, 1)], 0)
      INTO v_clicks, v_leads FROM ops_click_lead_months
      WHERE series = p_series AND month = v_last;
    UPDATE ops_click_lead_months SET is_last = false
      WHERE series = p_series AND month = v_last;
    INSERT INTO ops_click_lead_months (month, series, clicks_before, leads_before, is_last)
      SELECT m::date, p_series, v_clicks, v_leads, m::date = v_month
      FROM generate_series((v_last + interval '1 month')::timestamp, v_month::timestamp, interval '1 month') m;
  ELSIF v_month < v_first THEN
    -- Earlier than its first month: new months from zero up to it (the update below moves the later ones).
    INSERT INTO ops_click_lead_months (month, series, is_last)
      SELECT m::date, p_series, false
      FROM generate_series(v_month::timestamp, (v_first - interval '1 month')::timestamp, interval '1 month') m;
  END IF;
  UPDATE ops_click_lead_months SET
      clicks = CASE WHEN p_clicks = 0 THEN clicks ELSE ops_click_lead_months_add(clicks, v_day - v_month + 1, v_len, p_clicks) END,
      leads = CASE WHEN p_leads = 0 THEN leads ELSE ops_click_lead_months_add(leads, v_day - v_month + 1, v_len, p_leads) END
    WHERE series = p_series AND month = v_month;
  UPDATE ops_click_lead_months SET clicks_before = clicks_before + p_clicks, leads_before = leads_before + p_leads
    WHERE series = p_series AND month > v_month;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_rollup_click_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ops_click_lead_months_apply(OLD.program_id, OLD.created_at, -1, 0);
    PERFORM ops_click_lead_months_apply(-OLD.school_id, OLD.created_at, -1, 0);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM ops_click_lead_months_apply(NEW.program_id, NEW.created_at, 1, 0);
    PERFORM ops_click_lead_months_apply(-NEW.school_id, NEW.created_at, 1, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_click_months AFTER INSERT OR DELETE OR UPDATE OF created_at, program_id, school_id
  ON program_clicks FOR EACH ROW EXECUTE FUNCTION ops_rollup_click_months();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_rollup_lead_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.duplicate_of_id IS NULL THEN
    PERFORM ops_click_lead_months_apply(OLD.program_id, OLD.created_at, 0, -1);
    PERFORM ops_click_lead_months_apply(-OLD.school_id, OLD.created_at, 0, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.duplicate_of_id IS NULL THEN
    PERFORM ops_click_lead_months_apply(NEW.program_id, NEW.created_at, 0, 1);
    PERFORM ops_click_lead_months_apply(-NEW.school_id, NEW.created_at, 0, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ops_rollup_lead_months AFTER INSERT OR DELETE OR UPDATE OF created_at, program_id, school_id, duplicate_of_id
  ON leads FOR EACH ROW EXECUTE FUNCTION ops_rollup_lead_months();
--> statement-breakpoint
-- Recomputes every series from the raw rows, set-based (the backfill below; bulk loads that ran
-- with triggers off call it too).
CREATE OR REPLACE FUNCTION ops_click_lead_months_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ops_click_lead_months;
  INSERT INTO ops_click_lead_months (month, series, clicks_before, leads_before, clicks, leads, is_last)
  WITH events AS MATERIALIZED (
    SELECT program_id, school_id, (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS c, 0 AS l FROM program_clicks
    UNION ALL
    SELECT program_id, school_id, (created_at AT TIME ZONE 'UTC')::date, 0, 1 FROM leads WHERE duplicate_of_id IS NULL
  ),
  per_day AS (
    SELECT program_id AS series, day, sum(c) AS c, sum(l) AS l FROM events GROUP BY program_id, day
    UNION ALL
    SELECT -school_id, day, sum(c), sum(l) FROM events GROUP BY school_id, day
  ),
  -- The month's running count on each active day, and for how many days it holds (to the next one).
  running AS (
    SELECT series, date_trunc('month', day)::date AS month, day, sum(c) OVER w AS c, sum(l) OVER w AS l,
      coalesce(lead(day) OVER w, (date_trunc('month', day) + interval '1 month')::date) - day AS days
    FROM per_day WINDOW w AS (PARTITION BY series, date_trunc('month', day) ORDER BY day)
  ),
  -- Months with clicks or leads; an array stays null when the month had none of its kind.
  active AS (
    SELECT series, month, max(c) AS month_clicks, max(l) AS month_leads,
      CASE WHEN max(c) > 0 THEN ('{' || repeat('0,', min(day) - month) || rtrim(string_agg(repeat(c || ',', days), '' ORDER BY day), ',') || '}')::integer[] END AS clicks,
      CASE WHEN max(l) > 0 THEN ('{' || repeat('0,', min(day) - month) || rtrim(string_agg(repeat(l || ',', days), '' ORDER BY day), ',') || '}')::integer[] END AS leads
    FROM running GROUP BY series, month
  ),
  spans AS (SELECT series, min(month) AS first, max(month) AS last FROM active GROUP BY series),
  months AS (
    SELECT s.series, m::date AS month, m::date = s.last AS is_last
    FROM spans s CROSS JOIN LATERAL generate_series(s.first::timestamp, s.last::timestamp, interval '1 month') m
  )
  SELECT m.month, m.series,
    coalesce(sum(a.month_clicks) OVER w - coalesce(a.month_clicks, 0), 0),
    coalesce(sum(a.month_leads) OVER w - coalesce(a.month_leads, 0), 0),
    a.clicks, a.leads, m.is_last
  FROM months m LEFT JOIN active a ON a.series = m.series AND a.month = m.month
  WINDOW w AS (PARTITION BY m.series ORDER BY m.month)
  ORDER BY 1, 2;
END $$;
--> statement-breakpoint
SELECT ops_click_lead_months_rebuild();
