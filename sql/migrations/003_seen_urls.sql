-- Version 3: article URLs already fetched from feeds and sitemaps, so each run fetches only new ones.
CREATE TABLE IF NOT EXISTS seen_urls (
    url         VARCHAR PRIMARY KEY,
    via         VARCHAR NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL
);
