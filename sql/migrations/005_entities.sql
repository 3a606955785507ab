-- 005: one key per real-world person or organisation (issue 14, part 2), and a place's
-- precision (part 4). Rows stored before this version have NULL entity ids and precision until
-- they are re-extracted: PIPELINE_VERSION moved on with this change, so the next run re-reads
-- them. Comments, the indexes and the `speakers` view come from sql/schema.sql, which runs after
-- every migration.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_entity_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor1_entity_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor2_entity_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_precision VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS location_source_text VARCHAR;
CREATE TABLE IF NOT EXISTS entities (
    entity_id        VARCHAR PRIMARY KEY,
    entity_key       VARCHAR NOT NULL,
    scope            VARCHAR NOT NULL,
    doc_id           VARCHAR,
    name             VARCHAR NOT NULL,
    entity_type      VARCHAR,
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
