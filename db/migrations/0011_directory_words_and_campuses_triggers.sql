-- Word-prefix search without tsvectors, and one row per (listed program, campus) for the ZIP radius
-- (see the "directory listings" block in db/schema.ts). Plain SQL: the same on Postgres and PGlite.

-- Every prefix of every word of a text, as the directory's search words are made (db/queries/
-- programs.ts searchWords: accents dropped (first, so that lower() need not know them: under the C
-- locale it only folds ASCII), lower case, split on anything but a-z and 0-9).
CREATE OR REPLACE FUNCTION directory_word_prefixes(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, 1, n)), '{}'::text[])
  FROM regexp_split_to_table(
         lower(translate(t, 'àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöōőùúûüūůűųýÿźžżśšşţťľĺŕřÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮÑŃŇÒÓÔÕÖŌŐÙÚÛÜŪŮŰŲÝŸŹŽŻŚŠŞŢŤĽĹŔŘ',
                               'aaaaaaaaacccdeeeeeeeeiiiiiinnnooooooouuuuuuuuyyzzzsssttllrraaaaaaaaacccdeeeeeeeeiiiiiinnnooooooouuuuuuuuyyzzzsssttllrr')),
         '[^a-z0-9]+') AS w,
       generate_series(1, length(w)) AS n
  WHERE w <> ''
$$;
--> statement-breakpoint
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
    credential_level, delivery, accredited)
  SELECT l.program_id, c.id, c.latitude, c.longitude, c.state, l.sponsored_rank, l.program_area_id,
    l.credential_level, l.delivery, l.accredited
  FROM directory_listings l JOIN program_campuses pc ON pc.program_id = l.program_id JOIN campuses c ON c.id = pc.campus_id
  WHERE l.program_id = ANY (p_ids);
END $$;
--> statement-breakpoint
-- A campus that moves (or changes state) moves its programs' rows.
CREATE OR REPLACE FUNCTION directory_listings_campuses_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_listings_refresh(ARRAY(
    SELECT DISTINCT pc.program_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN program_campuses pc ON pc.campus_id = n.id
    WHERE (o.state, o.latitude, o.longitude) IS DISTINCT FROM (n.state, n.latitude, n.longitude)));
  RETURN NULL;
END $$;
--> statement-breakpoint
SELECT directory_listings_refresh(ARRAY(SELECT id FROM programs));
