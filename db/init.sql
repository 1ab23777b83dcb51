-- Extensions HepBuilder uses. The EF migrations create them too (both are "trusted" extensions on PostgreSQL 13+,
-- so a database owner may create them); a DBA who prefers to pre-create them runs this once per database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- typo-tolerant search (trigram similarity, GIN indexes)
CREATE EXTENSION IF NOT EXISTS citext;   -- case-insensitive text
