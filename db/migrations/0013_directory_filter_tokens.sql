-- The plain filters as tokens in the word arrays (see directory_listings.words in db/schema.ts): a
-- search with filters is then one GIN intersection (words and filters together) instead of a word's
-- whole posting list checked row by row against a rare credential or state. A token holds a colon,
-- which a search word never does. Plain SQL: the same on Postgres and PGlite.
CREATE OR REPLACE FUNCTION directory_filter_tokens(p_area integer, p_credential text, p_delivery text,
  p_accredited boolean, p_states text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['area:' || p_area, 'credential:' || p_credential, 'delivery:' || p_delivery]
    || CASE WHEN p_accredited THEN ARRAY['accredited:'] ELSE '{}'::text[] END
    || coalesce((SELECT array_agg('state:' || s ORDER BY s) FROM unnest(p_states) AS s), '{}'::text[])
$$;
--> statement-breakpoint
UPDATE "directory_listings" SET
  "words" = "words" || directory_filter_tokens("program_area_id", "credential_level"::text, "delivery"::text, "accredited", "states"),
  "title_words" = "title_words" || directory_filter_tokens("program_area_id", "credential_level"::text, "delivery"::text, "accredited", "states");
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
  SELECT l.program_id, l.school_id, l.program_area_id, l.credential_level, l.delivery, l.sponsored_rank, l.title,
    l.accredited, l.states,
    directory_word_prefixes(l.title || ' ' || l.school_name)
      || directory_filter_tokens(l.program_area_id, l.credential_level::text, l.delivery::text, l.accredited, l.states),
    directory_word_prefixes(l.title)
      || directory_filter_tokens(l.program_area_id, l.credential_level::text, l.delivery::text, l.accredited, l.states),
    directory_word_prefixes(l.school_name)
  FROM (
    SELECT p.id, p.school_id, p.program_area_id, p.credential_level, p.delivery, p.sponsored_rank, p.title,
      s.accreditation IS NOT NULL AS accredited,
      coalesce((SELECT array_agg(DISTINCT c.state ORDER BY c.state) FROM program_campuses pc
        JOIN campuses c ON c.id = pc.campus_id WHERE pc.program_id = p.id), '{}'::text[]) AS states,
      s.name AS school_name
    FROM programs p JOIN schools s ON s.id = p.school_id
    WHERE p.id = ANY (p_ids) AND p.status = 'active' AND s.status = 'active'
  ) AS l (program_id, school_id, program_area_id, credential_level, delivery, sponsored_rank, title, accredited, states, school_name);
  INSERT INTO directory_campuses (program_id, campus_id, latitude, longitude, state, sponsored_rank, program_area_id,
    credential_level, delivery, accredited, title)
  SELECT l.program_id, c.id, c.latitude, c.longitude, c.state, l.sponsored_rank, l.program_area_id,
    l.credential_level, l.delivery, l.accredited, l.title
  FROM directory_listings l JOIN program_campuses pc ON pc.program_id = l.program_id JOIN campuses c ON c.id = pc.campus_id
  WHERE l.program_id = ANY (p_ids);
END $$;
