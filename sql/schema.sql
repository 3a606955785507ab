-- newsdb schema, current version (see schema_meta.schema_version).
-- A fresh database runs this file whole; an older one is brought here by sql/migrations/NNN_*.sql.
-- Columns, types and NOT NULL rules mirror the records in transforms/model.py (tests/test_model.py
-- checks that they agree, table by table).

CREATE TABLE IF NOT EXISTS schema_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per cleaned article. doc_id is its identity, derived from the body text alone: what a
-- page claims about itself (a canonical URL, a seed's "Original url:") is kept as data but
-- never decides which article it is, so no input can replace another article. Every input that
-- carried the article is a row of document_sources; source and url here name one of them
-- (the one the text was read from, while it still carries the article).
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
    run_id           VARCHAR NOT NULL,
    decode_errors    INTEGER DEFAULT 0   -- invalid bytes read as U+FFFD (a UTF-8 page, a few bad bytes)
);

-- Which article each input carries now: one row per source (absolute path or URL, never with
-- credentials). Re-runs skip a source whose raw bytes are unchanged; an article whose last
-- source moves on to other text is deleted with its quotes and events.
CREATE TABLE IF NOT EXISTS document_sources (
    source      VARCHAR PRIMARY KEY,
    doc_id      VARCHAR NOT NULL,
    url         VARCHAR,                 -- where its bytes came from (after redirects)
    raw_sha256  VARCHAR NOT NULL,        -- sha256 of the raw bytes last read from it
    first_seen  TIMESTAMPTZ NOT NULL,    -- when it started carrying this article
    last_seen   TIMESTAMPTZ NOT NULL,    -- when a run last read it
    run_id      VARCHAR NOT NULL         -- the run that last read it
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
    status          VARCHAR,             -- running | completed | interrupted | crashed
    newsdb_version  VARCHAR NOT NULL,
    n_duplicate     INTEGER DEFAULT 0,   -- new sources of an article already stored
    crash_noticed_at TIMESTAMPTZ         -- when a later run found this one dead while 'running'
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
    speaker_type         VARCHAR,            -- person | organisation | group | document | unknown
    speaker_role         VARCHAR,
    speaker_affiliation  VARCHAR,
    addressee            VARCHAR,
    sentence_index       INTEGER,
    paragraph_index      INTEGER,
    confidence           DOUBLE,
    method               VARCHAR,
    speaker_entity_id    VARCHAR             -- entities.entity_id of the speaker
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
    method            VARCHAR,
    actor1_entity_id  VARCHAR,               -- entities.entity_id of each actor
    actor2_entity_id  VARCHAR,
    location_precision   VARCHAR,            -- country | admin1 | city
    location_source_text VARCHAR             -- the name the place was resolved from
);

-- One row per real-world person or organisation that quotes and events point to
-- (quotes.speaker_entity_id, events.actor1_entity_id, events.actor2_entity_id). The id is a hash
-- of entity_key, so it is the same on every run; the load (sql/load/merge_entities.sql) keeps
-- the variants, roles and counts up to date and removes an entity no row points to any more.
CREATE TABLE IF NOT EXISTS entities (
    entity_id        VARCHAR PRIMARY KEY,
    entity_key       VARCHAR NOT NULL,   -- dict:<entry> | name:<normalised name> | doc:<doc_id>:<words>
    scope            VARCHAR NOT NULL,   -- global | document
    doc_id           VARCHAR,            -- the article of a document-scoped entity
    name             VARCHAR NOT NULL,
    entity_type      VARCHAR,            -- person | organisation | group | unknown
    dictionary_entry VARCHAR,
    dictionary_code  VARCHAR,
    name_variants    VARCHAR[],
    roles            VARCHAR[],
    affiliations     VARCHAR[],
    country          VARCHAR,
    n_quotes         INTEGER NOT NULL,
    n_events         INTEGER NOT NULL,
    n_documents      INTEGER NOT NULL
);

-- How many rows give each entity each name, type, role, affiliation and country: what the load
-- (sql/load/merge_entities.sql) moves by each batch's difference to keep entities' names,
-- variants, roles and country up to date without re-reading every row that points to them.
CREATE TABLE IF NOT EXISTS entity_tallies (
    entity_id   VARCHAR NOT NULL,        -- entities.entity_id
    facet       VARCHAR NOT NULL,        -- name | entity_type | role | affiliation | country
    value       VARCHAR NOT NULL,
    n           INTEGER NOT NULL         -- rows (quotes, event actor sides) that give it
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
CREATE INDEX IF NOT EXISTS quotes_speaker_entity_idx ON quotes (speaker_entity_id);
CREATE INDEX IF NOT EXISTS events_actor1_entity_idx ON events (actor1_entity_id);
CREATE INDEX IF NOT EXISTS events_actor2_entity_idx ON events (actor2_entity_id);

-- A speaker's name as a plain matching key: case, spacing and apostrophe style ignored. People
-- are matched by entity (entities.entity_id); this is for ad-hoc grouping of names.
CREATE OR REPLACE MACRO speaker_key(name) AS
    lower(regexp_replace(replace(trim(name), '’', ''''), '\s+', ' ', 'g'));

-- One row per speaker: quotes grouped by their speaker's entity, so "Sergei Lavrov" in fifty
-- articles is one row, and "analysts" in fifty articles is fifty (document-scoped) rows.
CREATE OR REPLACE VIEW speakers AS
SELECT
    q.speaker_entity_id                                          AS entity_id,
    any_value(e.name)                                            AS speaker,
    any_value(e.entity_type)                                     AS speaker_type,
    any_value(e.scope)                                           AS scope,
    any_value(e.dictionary_code)                                 AS dictionary_code,
    list_sort(list_distinct(list(q.speaker_role) FILTER (WHERE q.speaker_role IS NOT NULL)))
                                                                 AS roles,
    list_sort(list_distinct(list(q.speaker_affiliation) FILTER (WHERE q.speaker_affiliation IS NOT NULL)))
                                                                 AS affiliations,
    count(*)                                                     AS n_quotes,
    count(DISTINCT q.doc_id)                                     AS n_documents
FROM quotes q
JOIN entities e ON e.entity_id = q.speaker_entity_id
GROUP BY q.speaker_entity_id;

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

-- ---------------------------------------------------------------------------------------------
-- Codebook: what every table, view and column means. DuckDB keeps these in the file (read them
-- with duckdb_tables(), duckdb_views(), duckdb_columns(), or `.describe TABLE` in `newsdb shell`);
-- docs/codebook.md is generated from them (`newsdb codebook`). Every table and column must have
-- one: tests/test_codebook.py fails otherwise. Code lists are explained in docs/codebook.md.
-- ---------------------------------------------------------------------------------------------

COMMENT ON TABLE schema_meta IS 'Key-value facts about this database file; schema_version says which sql/migrations/ step it is at.';
COMMENT ON COLUMN schema_meta.key IS 'Name of the fact, e.g. schema_version.';
COMMENT ON COLUMN schema_meta.value IS 'Its value, as text.';

COMMENT ON TABLE documents IS 'One row per cleaned article. Quotes and events point to it by doc_id; their character offsets index its text.';
COMMENT ON COLUMN documents.doc_id IS 'Stable id: a hash of the cleaned body text, never of a URL the page claims. Same text, same id on every run; every input carrying it is a row of document_sources.';
COMMENT ON COLUMN documents.source IS 'An input that carries the article (the one its text was read from while it still does): the absolute file path or the URL as given, never with credentials. All of them are in document_sources.';
COMMENT ON COLUMN documents.url IS 'Where the text came from: the final URL after redirects, or the original address a local file names.';
COMMENT ON COLUMN documents.canonical_url IS 'The URL the page claims as its own (link rel=canonical, og:url, or a seed''s Original url line), normalised. What the page says, not its identity: group on it to find copies of one story.';
COMMENT ON COLUMN documents.title IS 'Headline.';
COMMENT ON COLUMN documents.author IS 'Byline, when the page names one.';
COMMENT ON COLUMN documents.published IS 'Publication date (the dateline events are dated against).';
COMMENT ON COLUMN documents.site IS 'Publisher''s host name, e.g. example.com.';
COMMENT ON COLUMN documents.language IS 'Language the article is written in (ISO 639 code, 639-1 where one exists), read from its text with the page''s declared language as a hint; NULL when the text is too short to tell and the page declares none. Quotes and events are extracted from en and NULL articles only; any other has an unsupported_language row in failures.';
COMMENT ON COLUMN documents.text IS 'Cleaned body: Unicode-normalised, paragraphs separated by one blank line. Quote and event offsets index this exact string.';
COMMENT ON COLUMN documents.content_sha256 IS 'sha256 of the raw input bytes: an input with unchanged bytes is skipped on the next run.';
COMMENT ON COLUMN documents.fetched_at IS 'When the page was fetched (NULL for local files).';
COMMENT ON COLUMN documents.origin IS 'Which copy the text came from (code list: origin).';
COMMENT ON COLUMN documents.input_format IS 'What the input was (code list: input_format).';
COMMENT ON COLUMN documents.pipeline_version IS 'Version of cleaning and extraction that produced the row; a newer one re-processes unchanged inputs.';
COMMENT ON COLUMN documents.ingested_at IS 'When this row was loaded.';
COMMENT ON COLUMN documents.run_id IS 'The run (runs.run_id) that loaded this row.';
COMMENT ON COLUMN documents.decode_errors IS 'Invalid byte sequences read as U+FFFD: a UTF-8 page with a few bad bytes (0 almost always).';

COMMENT ON TABLE document_sources IS 'Every input that carries an article, one row per input: several inputs can carry one article (the same page at two addresses, a local copy), and an article is deleted only when none does.';
COMMENT ON COLUMN document_sources.source IS 'The input: absolute file path or URL as given, never with credentials.';
COMMENT ON COLUMN document_sources.doc_id IS 'The article it carries now (documents.doc_id).';
COMMENT ON COLUMN document_sources.url IS 'Where its bytes came from: the final URL after redirects, or the original address a local file names.';
COMMENT ON COLUMN document_sources.raw_sha256 IS 'sha256 of the raw bytes last read from it: unchanged bytes are not read again.';
COMMENT ON COLUMN document_sources.first_seen IS 'When it started carrying this article.';
COMMENT ON COLUMN document_sources.last_seen IS 'When a run last read it.';
COMMENT ON COLUMN document_sources.run_id IS 'The run (runs.run_id) that last read it.';

COMMENT ON TABLE runs IS 'One row per `newsdb run`: when, on what, and what came of it.';
COMMENT ON COLUMN runs.run_id IS 'Prefect flow-run id (or a random UUID outside Prefect).';
COMMENT ON COLUMN runs.started_at IS 'When the run started.';
COMMENT ON COLUMN runs.finished_at IS 'When it ended; NULL while running or if the process died.';
COMMENT ON COLUMN runs.sources IS 'The sources the run was given (files, folders, URLs, @lists).';
COMMENT ON COLUMN runs.n_new IS 'Articles loaded for the first time (a new row of documents each).';
COMMENT ON COLUMN runs.n_updated IS 'Inputs that now carry another article (their text changed), or whose article was re-extracted.';
COMMENT ON COLUMN runs.n_unchanged IS 'Inputs skipped because their bytes had not changed (their last_seen moves on).';
COMMENT ON COLUMN runs.n_failed IS 'Inputs that failed at some stage (see failures).';
COMMENT ON COLUMN runs.n_quotes IS 'Quotes loaded by the run.';
COMMENT ON COLUMN runs.n_events IS 'Events loaded by the run.';
COMMENT ON COLUMN runs.status IS 'running, completed, interrupted (stopped by Ctrl-C between two batches) or crashed (found still running by a later run: killed).';
COMMENT ON COLUMN runs.n_duplicate IS 'New inputs carrying an article already stored: linked to it in document_sources, not extracted again.';
COMMENT ON COLUMN runs.crash_noticed_at IS 'For a crashed run: when a later run found it dead.';
COMMENT ON COLUMN runs.newsdb_version IS 'newsdb version that ran.';

COMMENT ON TABLE failures IS 'Every input that could not be fetched, read, cleaned, extracted or loaded, and why: one row per run, source and stage. A notice (error_kind unsupported_language) is an input that was loaded but not extracted.';
COMMENT ON COLUMN failures.run_id IS 'The run (runs.run_id) it happened in.';
COMMENT ON COLUMN failures.source IS 'The input, as given (path or URL).';
COMMENT ON COLUMN failures.stage IS 'Where it failed (code list: failure_stage).';
COMMENT ON COLUMN failures.error_kind IS 'Short machine-friendly reason, e.g. http_404, robots_disallow, too_large, empty; unsupported_language: the article is stored (documents.language) but, not being English, has no quotes or events.';
COMMENT ON COLUMN failures.message IS 'One sentence a person can act on.';
COMMENT ON COLUMN failures."at" IS 'When it happened.';

COMMENT ON TABLE seen_urls IS 'Article URLs already taken from a feed, sitemap or site home page: each run fetches only URLs not in here. A URL whose fetch failed for a passing reason (timeout, connection error, HTTP 429 or 5xx) is left out, so the next run tries it again.';
COMMENT ON COLUMN seen_urls.url IS 'The article URL as the feed or sitemap listed it, never with credentials.';
COMMENT ON COLUMN seen_urls.via IS 'The followed source it came from, as the user named it, e.g. feed:https://example.com/rss.';
COMMENT ON COLUMN seen_urls.first_seen IS 'When a run first took the URL (later sightings do not change it).';
COMMENT ON COLUMN seen_urls.run_id IS 'The run (runs.run_id) that first took it.';

COMMENT ON TABLE quotes IS 'Quotations with their resolved speakers. text[char_start:char_end] of the document is quote_text (SQL: substr(text, char_start + 1, char_end - char_start)).';
COMMENT ON COLUMN quotes.quote_id IS 'Stable id of the quote.';
COMMENT ON COLUMN quotes.doc_id IS 'The article (documents.doc_id).';
COMMENT ON COLUMN quotes.quote_text IS 'What was said: the words inside the quotation marks, or the reported clause of indirect speech.';
COMMENT ON COLUMN quotes.char_start IS 'Start offset of quote_text in documents.text (0-based, inclusive).';
COMMENT ON COLUMN quotes.char_end IS 'End offset of quote_text in documents.text (exclusive).';
COMMENT ON COLUMN quotes.quote_type IS 'direct, indirect or mixed (code list: quote_type).';
COMMENT ON COLUMN quotes.continues_quote_id IS 'The previous segment when a quote is split by its cue or runs over paragraphs.';
COMMENT ON COLUMN quotes.cue IS 'The reporting expression as written, e.g. "told reporters".';
COMMENT ON COLUMN quotes.cue_lemma IS 'Lemma of the reporting verb or noun, e.g. say, tell, accuse, according_to: group on it to compare how speech is framed.';
COMMENT ON COLUMN quotes.speaker_mention IS 'How the speaker is referred to at the quote: "Lavrov", "he", "the minister".';
COMMENT ON COLUMN quotes.speaker_mention_type IS 'Kind of that mention (code list: speaker_mention_type).';
COMMENT ON COLUMN quotes.speaker IS 'The speaker''s fullest name in the article; NULL when unknown.';
COMMENT ON COLUMN quotes.speaker_type IS 'person, organisation, group, document or unknown (code list: speaker_type).';
COMMENT ON COLUMN quotes.speaker_role IS 'Title or role the article gives the speaker, e.g. "Russian Foreign Minister".';
COMMENT ON COLUMN quotes.speaker_affiliation IS 'Organisation or country the article ties the speaker to, e.g. "Russian foreign ministry".';
COMMENT ON COLUMN quotes.addressee IS 'Whom the words were addressed to, when said ("told Reuters").';
COMMENT ON COLUMN quotes.sentence_index IS 'Index of the sentence the quote starts in (0 = first sentence of the article).';
COMMENT ON COLUMN quotes.paragraph_index IS 'Index of the paragraph it starts in (0-based).';
COMMENT ON COLUMN quotes.confidence IS 'How sure the extractor is, 0 to 1; set by method.';
COMMENT ON COLUMN quotes.method IS 'Which rule found the quote (code list: quote_method).';
COMMENT ON COLUMN quotes.speaker_entity_id IS 'The speaker as an entity (entities.entity_id): the same id for the same person in every article, so "Sergei Lavrov" here and "Sergey Lavrov" in events are one. A generic speaker ("analysts", "a spokesperson") gets an entity of its article only; NULL when the speaker is unknown.';

COMMENT ON TABLE events IS 'PLOVER-coded events: who did what to whom, when, where, with what toll, one row per event mention in an article.';
COMMENT ON COLUMN events.event_id IS 'Stable id of the event mention.';
COMMENT ON COLUMN events.doc_id IS 'The article (documents.doc_id).';
COMMENT ON COLUMN events.event_type IS 'One of PLOVER''s 16 event types (code list: event_type).';
COMMENT ON COLUMN events.event_mode IS 'PLOVER mode: how it was done, e.g. aerial for an air strike (code list: event_mode).';
COMMENT ON COLUMN events.event_context IS 'PLOVER context: the policy area, e.g. military, economic (code list: event_context).';
COMMENT ON COLUMN events.quad_class IS 'Verbal or material cooperation or conflict, fixed by event_type (code list: quad_class).';
COMMENT ON COLUMN events.cameo_code IS 'The CAMEO code the verb or noun matched; event_type, mode and context come from it through the CAMEO-to-PLOVER crosswalk.';
COMMENT ON COLUMN events.trigger_text IS 'The word or phrase that states the event, e.g. "struck", "air strikes".';
COMMENT ON COLUMN events.trigger_start IS 'Start offset of trigger_text in documents.text (0-based, inclusive).';
COMMENT ON COLUMN events.trigger_end IS 'End offset of trigger_text in documents.text (exclusive).';
COMMENT ON COLUMN events.sentence_text IS 'The sentence that reports the event.';
COMMENT ON COLUMN events.sentence_index IS 'Index of that sentence in the article (0-based).';
COMMENT ON COLUMN events.actor1 IS 'Who acted (source actor), as written in the sentence.';
COMMENT ON COLUMN events.actor1_canonical IS 'actor1''s canonical name from the Phoenix actor dictionaries, else the mention.';
COMMENT ON COLUMN events.actor1_country IS 'actor1''s country, ISO 3166 alpha-3 (NULL for international bodies and unknowns).';
COMMENT ON COLUMN events.actor1_sector IS 'actor1''s sector code from the Phoenix agents dictionary: GOV government, MIL military, REB rebels, COP police, IGO international body, ...';
COMMENT ON COLUMN events.actor2 IS 'Who it was done to (target actor), as written in the sentence.';
COMMENT ON COLUMN events.actor2_canonical IS 'actor2''s canonical name from the Phoenix actor dictionaries, else the mention.';
COMMENT ON COLUMN events.actor2_country IS 'actor2''s country, ISO 3166 alpha-3.';
COMMENT ON COLUMN events.actor2_sector IS 'actor2''s sector code (see actor1_sector).';
COMMENT ON COLUMN events.location IS 'Where it happened, as written ("eastern Syria").';
COMMENT ON COLUMN events.location_country IS 'Country of the place, ISO 3166 alpha-3.';
COMMENT ON COLUMN events.latitude IS 'Latitude of the place (GeoNames; a country''s centre when only the country is known).';
COMMENT ON COLUMN events.longitude IS 'Longitude of the place.';
COMMENT ON COLUMN events.event_date IS 'When it happened, resolved against the publication date; NULL when the text is vague.';
COMMENT ON COLUMN events.date_text IS 'The time expression the date comes from ("on Thursday"); NULL when none.';
COMMENT ON COLUMN events.date_precision IS 'day, month or year (code list: date_precision).';
COMMENT ON COLUMN events.date_method IS 'How the date was found (code list: date_method).';
COMMENT ON COLUMN events.fatalities IS 'People killed, as stated in the sentence ("at least 11" -> 11); NULL when not stated.';
COMMENT ON COLUMN events.injured IS 'People injured, as stated; NULL when not stated.';
COMMENT ON COLUMN events.magnitude_text IS 'The words the toll was read from ("at least 11 fighters").';
COMMENT ON COLUMN events.polarity IS 'positive, or negative when the sentence says it did not happen (code list: polarity).';
COMMENT ON COLUMN events.modality IS 'asserted, future, threatened or hypothetical (code list: modality).';
COMMENT ON COLUMN events.quote_id IS 'The quote the event was reported in (quotes.quote_id), if any: who claims it.';
COMMENT ON COLUMN events.confidence IS 'How sure the coder is, 0 to 1.';
COMMENT ON COLUMN events.method IS 'Which rule coded the event (code list: event_method).';
COMMENT ON COLUMN events.actor1_entity_id IS 'actor1 as an entity (entities.entity_id), shared with the quotes of the same person or organisation; NULL for a generic actor ("troops") or a coordination of several.';
COMMENT ON COLUMN events.actor2_entity_id IS 'actor2 as an entity (see actor1_entity_id).';
COMMENT ON COLUMN events.location_precision IS 'How precise the place is (code list: location_precision): country (latitude and longitude are a stand-in centre), admin1 (a province or state) or city.';
COMMENT ON COLUMN events.location_source_text IS 'The words of the sentence the place was resolved from, e.g. "Idlib" in "in Idlib province".';

COMMENT ON TABLE entities IS 'One row per real-world person or organisation that quotes and events point to: matched on the Phoenix dictionary entry when the full name spells one, else on the normalised full name (accents, case, titles and transliteration variants folded), never on a surname alone; descriptions and groups ("analysts", "officials") are entities of their article only. Kept up to date by every load; an entity no quote or event points to any more is removed.';
COMMENT ON COLUMN entities.entity_id IS 'Stable id: a hash of entity_key, the same on every run and machine.';
COMMENT ON COLUMN entities.entity_key IS 'What the entity is matched on: dict:<Phoenix entry>, name:<normalised full name>, or doc:<doc_id>:<normalised words> for an entity of one article.';
COMMENT ON COLUMN entities.scope IS 'global (matched across articles) or document (one article''s own: a description, a group, a surname with no full name) (code list: entity_scope).';
COMMENT ON COLUMN entities.doc_id IS 'The article (documents.doc_id) of a document-scoped entity; NULL for a global one.';
COMMENT ON COLUMN entities.name IS 'The name the articles use most for it (ties: alphabetical).';
COMMENT ON COLUMN entities.entity_type IS 'person, organisation, group or unknown: what its quotes say most, else what the article that first named it said (code list: speaker_type).';
COMMENT ON COLUMN entities.dictionary_entry IS 'The Phoenix actor dictionary entry its name matched, e.g. SERGEY LAVROV; NULL when none did.';
COMMENT ON COLUMN entities.dictionary_code IS 'That entry''s actor code without a date (the undated one, else the latest), e.g. RUSGOV: country and sector.';
COMMENT ON COLUMN entities.name_variants IS 'Every name its quotes (speaker) and events (the actor''s canonical name, where the actor''s words hold it) give it, sorted.';
COMMENT ON COLUMN entities.roles IS 'Every role its quotes give it, sorted.';
COMMENT ON COLUMN entities.affiliations IS 'Every affiliation its quotes give it, sorted.';
COMMENT ON COLUMN entities.country IS 'The country its events give it most often (ISO 3166 alpha-3); NULL when none.';
COMMENT ON COLUMN entities.n_quotes IS 'Quotes it is the speaker of.';
COMMENT ON COLUMN entities.n_events IS 'Events it is an actor in.';
COMMENT ON COLUMN entities.n_documents IS 'Articles that quote it or name it as an actor.';

COMMENT ON TABLE entity_tallies IS 'Bookkeeping behind entities: how many rows (quotes, and event actor sides) give each entity each name, type, role, affiliation and country. Each load moves these by what its articles added and removed, and entities takes its name, variants, roles, affiliations and country from them.';
COMMENT ON COLUMN entity_tallies.entity_id IS 'The entity (entities.entity_id).';
COMMENT ON COLUMN entity_tallies.facet IS 'What the value is: name, entity_type, role, affiliation or country.';
COMMENT ON COLUMN entity_tallies.value IS 'The name, type, role, affiliation or country (ISO 3166 alpha-3) as the rows give it.';
COMMENT ON COLUMN entity_tallies.n IS 'How many rows give it (always at least 1: a value no row gives any more is removed).';

COMMENT ON MACRO speaker_key IS 'A name as a plain matching key: lower case, spacing and apostrophe style ignored. People are matched by entity (entities.entity_id), not by this.';

COMMENT ON VIEW speakers IS 'One row per speaker: quotes grouped by their speaker''s entity (quotes.speaker_entity_id). A generic speaker is one row per article.';
COMMENT ON COLUMN speakers.entity_id IS 'The speaker''s entity (entities.entity_id).';
COMMENT ON COLUMN speakers.speaker IS 'The entity''s name (entities.name).';
COMMENT ON COLUMN speakers.speaker_type IS 'The entity''s type (code list: speaker_type).';
COMMENT ON COLUMN speakers.scope IS 'global or document (code list: entity_scope).';
COMMENT ON COLUMN speakers.dictionary_code IS 'The entity''s Phoenix actor code, when its name matched the dictionary.';
COMMENT ON COLUMN speakers.roles IS 'Every role the articles give the speaker, sorted.';
COMMENT ON COLUMN speakers.affiliations IS 'Every affiliation the articles give the speaker, sorted.';
COMMENT ON COLUMN speakers.n_quotes IS 'Quotes attributed to the speaker.';
COMMENT ON COLUMN speakers.n_documents IS 'Articles quoting the speaker.';

COMMENT ON VIEW event_clusters IS 'The same real-world event reported by several articles, as one row: same type, actors, date and place. Positive events only.';
COMMENT ON COLUMN event_clusters.cluster_id IS 'Stable id of the cluster (hash of type, actors, date and place).';
COMMENT ON COLUMN event_clusters.event_type IS 'PLOVER event type (code list: event_type).';
COMMENT ON COLUMN event_clusters.actor1 IS 'Source actor: canonical name, else country:sector, else country.';
COMMENT ON COLUMN event_clusters.actor2 IS 'Target actor, like actor1.';
COMMENT ON COLUMN event_clusters.event_date IS 'Event date.';
COMMENT ON COLUMN event_clusters.place IS 'Place country (ISO alpha-3), else the place name in lower case.';
COMMENT ON COLUMN event_clusters.event_mode IS 'Most frequent PLOVER mode among the mentions.';
COMMENT ON COLUMN event_clusters.max_fatalities IS 'Highest death toll any mention states.';
COMMENT ON COLUMN event_clusters.max_injured IS 'Highest injured count any mention states.';
COMMENT ON COLUMN event_clusters.n_mentions IS 'Event rows in the cluster.';
COMMENT ON COLUMN event_clusters.n_documents IS 'Articles reporting it.';
COMMENT ON COLUMN event_clusters.n_sources IS 'Distinct publishers (site) reporting it.';
COMMENT ON COLUMN event_clusters.event_ids IS 'The events.event_id of every mention.';
