-- newsdb schema, current version (see schema_meta.schema_version).
-- A fresh database runs this file whole; an older one is brought here by sql/migrations/NNN_*.sql.
-- Column order and types mirror transforms/model.py (tests/test_schema.py checks that they agree).

CREATE TABLE IF NOT EXISTS schema_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per cleaned article. doc_id is stable: from the canonical URL when there is one,
-- else from the body text. source is what was ingested (absolute path or URL).
CREATE TABLE IF NOT EXISTS documents (
    doc_id           VARCHAR PRIMARY KEY,
    source           VARCHAR NOT NULL,
    url              VARCHAR,
    canonical_url    VARCHAR,
    title            VARCHAR,
    author           VARCHAR,
    published        DATE,
    site             VARCHAR,
    language         VARCHAR,
    text             VARCHAR NOT NULL,
    content_sha256   VARCHAR NOT NULL,   -- sha256 of the raw input bytes: unchanged inputs are skipped
    fetched_at       TIMESTAMPTZ,
    origin           VARCHAR,            -- local | live | cache: which copy the text came from
    input_format     VARCHAR,            -- html | text | markdown
    pipeline_version VARCHAR NOT NULL,   -- re-process when cleaning or extraction changes
    ingested_at      TIMESTAMPTZ NOT NULL,
    run_id           VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    sources         VARCHAR[],
    n_new           INTEGER DEFAULT 0,
    n_updated       INTEGER DEFAULT 0,
    n_unchanged     INTEGER DEFAULT 0,
    n_failed        INTEGER DEFAULT 0,
    n_quotes        INTEGER DEFAULT 0,
    n_events        INTEGER DEFAULT 0,
    status          VARCHAR,             -- running | completed | crashed
    newsdb_version  VARCHAR NOT NULL
);

-- Every input that could not be fetched, read, cleaned or extracted, and why. One per run and source.
CREATE TABLE IF NOT EXISTS failures (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,        -- discover | fetch | read | clean | extract | load
    error_kind  VARCHAR NOT NULL,        -- http_404, robots_disallow, too_large, empty, ...
    message     VARCHAR NOT NULL,
    "at"        TIMESTAMPTZ NOT NULL   -- quoted: AT is a keyword in DuckDB 2
);

-- Quotations with resolved speakers. text[char_start:char_end] == quote_text (Python slicing
-- of documents.text; in SQL: substr(text, char_start + 1, char_end - char_start)).
CREATE TABLE IF NOT EXISTS quotes (
    quote_id             VARCHAR PRIMARY KEY,
    doc_id               VARCHAR NOT NULL,
    quote_text           VARCHAR NOT NULL,
    char_start           INTEGER NOT NULL,
    char_end             INTEGER NOT NULL,
    quote_type           VARCHAR NOT NULL,   -- direct | indirect | mixed
    continues_quote_id   VARCHAR,            -- previous segment of a split or multi-paragraph quote
    cue                  VARCHAR,
    cue_lemma            VARCHAR,
    speaker_mention      VARCHAR,
    speaker_mention_type VARCHAR,            -- name | surname | pronoun | nominal | none
    speaker              VARCHAR,            -- fullest name in the article; NULL when unknown
    speaker_type         VARCHAR,            -- person | organisation | group | unknown
    speaker_role         VARCHAR,
    speaker_affiliation  VARCHAR,
    addressee            VARCHAR,
    sentence_index       INTEGER,
    paragraph_index      INTEGER,
    confidence           DOUBLE,
    method               VARCHAR
);

-- PLOVER-coded events.
CREATE TABLE IF NOT EXISTS events (
    event_id          VARCHAR PRIMARY KEY,
    doc_id            VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,      -- one of PLOVER's 16 types
    event_mode        VARCHAR,
    event_context     VARCHAR,
    quad_class        VARCHAR,
    cameo_code        VARCHAR,
    trigger_text      VARCHAR NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL,
    sentence_text     VARCHAR NOT NULL,
    sentence_index    INTEGER NOT NULL,
    actor1            VARCHAR,
    actor1_canonical  VARCHAR,
    actor1_country    VARCHAR,
    actor1_sector     VARCHAR,
    actor2            VARCHAR,
    actor2_canonical  VARCHAR,
    actor2_country    VARCHAR,
    actor2_sector     VARCHAR,
    location          VARCHAR,
    location_country  VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    event_date        DATE,
    date_text         VARCHAR,
    date_precision    VARCHAR,               -- day | month | year
    date_method       VARCHAR,
    fatalities        INTEGER,
    injured           INTEGER,
    magnitude_text    VARCHAR,
    polarity          VARCHAR,               -- positive | negative
    modality          VARCHAR,               -- asserted | future | threatened | hypothetical
    quote_id          VARCHAR,               -- the quote this event was reported in, if any
    confidence        DOUBLE,
    method            VARCHAR
);

-- Article URLs already taken from a feed, sitemap or site (via = the source as the user named
-- it, e.g. feed:https://...): each run fetches only URLs not in here. A URL whose fetch failed
-- for a passing reason (timeout, 5xx, 429) is not recorded, so the next run tries it again.
CREATE TABLE IF NOT EXISTS seen_urls (
    url         VARCHAR PRIMARY KEY,
    via         VARCHAR NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS documents_source_idx ON documents (source);
CREATE INDEX IF NOT EXISTS quotes_doc_idx ON quotes (doc_id);
CREATE INDEX IF NOT EXISTS events_doc_idx ON events (doc_id);

-- One row per speaker across documents, matched on a normalised name (case, spacing and
-- apostrophe style ignored), so "Sergei Lavrov" in fifty articles is one analyst-facing row.
CREATE OR REPLACE VIEW speakers AS
WITH q AS (
    SELECT *,
           lower(regexp_replace(replace(trim(speaker), '’', ''''), '\s+', ' ', 'g')) AS speaker_key
    FROM quotes
    WHERE speaker IS NOT NULL
)
SELECT
    speaker_key,
    mode(speaker)                                                AS speaker,
    mode(speaker_type)                                           AS speaker_type,
    list_sort(list_distinct(list(speaker_role) FILTER (WHERE speaker_role IS NOT NULL)))
                                                                 AS roles,
    list_sort(list_distinct(list(speaker_affiliation) FILTER (WHERE speaker_affiliation IS NOT NULL)))
                                                                 AS affiliations,
    count(*)                                                     AS n_quotes,
    count(DISTINCT doc_id)                                       AS n_documents
FROM q
GROUP BY speaker_key;

-- The same real-world event reported by several documents, as one row: same type, actors
-- (by country and sector when no canonical name), date and place. Analysts count strikes, not articles.
CREATE OR REPLACE VIEW event_clusters AS
WITH e AS (
    SELECT ev.*, d.site, d.url,
           coalesce(ev.actor1_canonical, ev.actor1_country || ':' || ev.actor1_sector, ev.actor1_country) AS a1,
           coalesce(ev.actor2_canonical, ev.actor2_country || ':' || ev.actor2_sector, ev.actor2_country) AS a2,
           coalesce(ev.location_country, lower(ev.location)) AS place
    FROM events ev JOIN documents d USING (doc_id)
    WHERE ev.polarity = 'positive'
)
SELECT
    md5(concat_ws('|', event_type, a1, a2, event_date, place))[1:16] AS cluster_id,
    event_type,
    a1                              AS actor1,
    a2                              AS actor2,
    event_date,
    place,
    mode(event_mode)                AS event_mode,
    max(fatalities)                 AS max_fatalities,
    max(injured)                    AS max_injured,
    count(*)                        AS n_mentions,
    count(DISTINCT doc_id)          AS n_documents,
    count(DISTINCT coalesce(site, url, doc_id)) AS n_sources,
    list(DISTINCT event_id)         AS event_ids
FROM e
GROUP BY ALL;
