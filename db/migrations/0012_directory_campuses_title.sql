-- The program title on the campus rows (see directory_campuses in db/schema.ts): a ZIP page without
-- search words or a career orders and counts from the position index alone. Filled from the
-- listings before the NOT NULL holds; the refresh function below keeps it current. Plain SQL: the
-- same on Postgres and PGlite.
DROP INDEX "directory_campuses_position_idx";--> statement-breakpoint
DROP INDEX "directory_campuses_sponsored_idx";--> statement-breakpoint
ALTER TABLE "directory_campuses" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "directory_campuses" c SET "title" = l."title" FROM "directory_listings" l WHERE l."program_id" = c."program_id";--> statement-breakpoint
ALTER TABLE "directory_campuses" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "directory_campuses_position_idx" ON "directory_campuses" USING btree ("latitude","longitude","program_id","state","program_area_id","credential_level","delivery","accredited","sponsored_rank","title");--> statement-breakpoint
CREATE INDEX "directory_campuses_sponsored_idx" ON "directory_campuses" USING btree ("latitude","longitude","program_id","state","program_area_id","credential_level","delivery","accredited","sponsored_rank","title") WHERE sponsored_rank is not null;--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_listings_refresh(p_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM directory_listings WHERE program_id = ANY (p_ids);
  DELETE FROM directory_campuses WHERE program_id = ANY (p_ids);
  INSERT INTO directory_listings (program_id, school_id, program_area_id, credential_level, delivery, sponsored_rank,
    title, accredited, states, words, title_words, school_words)
  SELECT p.id, p.school_id, p.program_area_id, p.credential_level, p.delivery, p.sponsored_rank, p.title,
    s.accreditation IS NOT NULL,
    coalesce((SELECT array_agg(DISTINCT c.state ORDER BY c.state) FROM program_campuses pc
      JOIN campuses c ON c.id = pc.campus_id WHERE pc.program_id = p.id), '{}'::text[]),
    directory_word_prefixes(p.title || ' ' || s.name),
    directory_word_prefixes(p.title),
    directory_word_prefixes(s.name)
  FROM programs p JOIN schools s ON s.id = p.school_id
  WHERE p.id = ANY (p_ids) AND p.status = 'active' AND s.status = 'active';
  INSERT INTO directory_campuses (program_id, campus_id, latitude, longitude, state, sponsored_rank, program_area_id,
    credential_level, delivery, accredited, title)
  SELECT l.program_id, c.id, c.latitude, c.longitude, c.state, l.sponsored_rank, l.program_area_id,
    l.credential_level, l.delivery, l.accredited, l.title
  FROM directory_listings l JOIN program_campuses pc ON pc.program_id = l.program_id JOIN campuses c ON c.id = pc.campus_id
  WHERE l.program_id = ANY (p_ids);
END $$;
