-- Search highlights (README › Search): ts_headline parses the text it shows
-- with a configuration, and must fold accents the way the search vectors do
-- (cw_unaccent) or a search for "san jose" finds "San José" without marking
-- "José". These two configurations are 'simple' and 'english' with the
-- unaccent dictionary in front; they are used for highlighting only, so the
-- generated columns of 0021 stay as they are.
CREATE TEXT SEARCH CONFIGURATION cw_simple_unaccent (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cw_simple_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION cw_english_unaccent (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cw_english_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
