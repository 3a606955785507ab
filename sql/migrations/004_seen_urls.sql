-- 004: article URLs already taken from feeds, sitemaps and site home pages, so each run fetches
-- only new ones. Comments come from sql/schema.sql, which runs after every migration.
CREATE TABLE IF NOT EXISTS seen_urls (
    url         VARCHAR PRIMARY KEY,
    via         VARCHAR NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL
);
