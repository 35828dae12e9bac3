-- Directory listings (see the "directory listings" block in db/schema.ts): one row per listed
-- program, rebuilt by these triggers whenever something it is made of changes. Statement-level
-- triggers with transition tables, so a bulk insert rebuilds its rows in one pass.
CREATE OR REPLACE FUNCTION directory_listings_refresh(p_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM directory_listings WHERE program_id = ANY (p_ids);
  INSERT INTO directory_listings (program_id, school_id, program_area_id, credential_level, delivery, sponsored_rank,
    title, accredited, states, search, title_search)
  SELECT p.id, p.school_id, p.program_area_id, p.credential_level, p.delivery, p.sponsored_rank, p.title,
    s.accreditation IS NOT NULL,
    coalesce((SELECT array_agg(DISTINCT c.state ORDER BY c.state) FROM program_campuses pc
      JOIN campuses c ON c.id = pc.campus_id WHERE pc.program_id = p.id), '{}'::text[]),
    to_tsvector('simple'::regconfig, p.title || ' ' || s.name),
    to_tsvector('simple'::regconfig, p.title)
  FROM programs p JOIN schools s ON s.id = p.school_id
  WHERE p.id = ANY (p_ids) AND p.status = 'active' AND s.status = 'active';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_programs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_programs_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o.status, o.title, o.school_id, o.program_area_id, o.credential_level, o.delivery, o.sponsored_rank)
      IS DISTINCT FROM (n.status, n.title, n.school_id, n.program_area_id, n.credential_level, n.delivery, n.sponsored_rank)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_schools_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(
    SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN programs p ON p.school_id = n.id
    WHERE (o.status, o.name, o.accreditation) IS DISTINCT FROM (n.status, n.name, n.accreditation)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_links_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(SELECT DISTINCT program_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_links_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(SELECT DISTINCT program_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_links_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(SELECT program_id FROM old_rows UNION SELECT program_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_campuses_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(
    SELECT DISTINCT pc.program_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN program_campuses pc ON pc.campus_id = n.id
    WHERE o.state IS DISTINCT FROM n.state));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER directory_listings_programs_ins AFTER INSERT ON programs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_programs_inserted();
--> statement-breakpoint
CREATE TRIGGER directory_listings_programs_upd AFTER UPDATE ON programs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_programs_updated();
--> statement-breakpoint
CREATE TRIGGER directory_listings_schools_upd AFTER UPDATE ON schools REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_schools_updated();
--> statement-breakpoint
CREATE TRIGGER directory_listings_links_ins AFTER INSERT ON program_campuses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_links_inserted();
--> statement-breakpoint
CREATE TRIGGER directory_listings_links_del AFTER DELETE ON program_campuses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_links_deleted();
--> statement-breakpoint
CREATE TRIGGER directory_listings_links_upd AFTER UPDATE ON program_campuses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_links_updated();
--> statement-breakpoint
CREATE TRIGGER directory_listings_campuses_upd AFTER UPDATE ON campuses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_listings_campuses_updated();
--> statement-breakpoint
SELECT directory_listings_refresh(ARRAY(SELECT id FROM programs));
