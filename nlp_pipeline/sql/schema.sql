-- agenda-nlp DuckDB schema. The contract (../shared/CONTRACT.md) names the minimum columns;
-- columns after them are our extensions. Every start_char/end_char points into documents.text.

CREATE TABLE IF NOT EXISTS documents (
    doc_id         VARCHAR PRIMARY KEY,  -- sha256 of the normalised text (first 20 hex)
    source         VARCHAR NOT NULL,     -- path or URL it was first read from
    lang           VARCHAR,
    organisation   VARCHAR,
    body           VARCHAR,
    meeting_date   DATE,
    item_number    VARCHAR,
    diary_number   VARCHAR,
    title          VARCHAR,
    preparer       VARCHAR,
    report_period  VARCHAR,
    text           VARCHAR NOT NULL,
    format         VARCHAR,              -- txt | html | pdf
    parent_doc_id  VARCHAR,              -- an attachment's item
    processed_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sections (
    doc_id      VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    heading     VARCHAR,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id      VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    text        VARCHAR,
    lemma       VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER
);

CREATE TABLE IF NOT EXISTS goals (
    goal_id        VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    goal_key       VARCHAR NOT NULL,
    owner          VARCHAR,
    status         VARCHAR,
    status_phrase  VARCHAR,
    period         VARCHAR,
    start_char     INTEGER,
    end_char       INTEGER
);

CREATE TABLE IF NOT EXISTS figures (
    figure_id        VARCHAR PRIMARY KEY,
    doc_id           VARCHAR NOT NULL,
    value            DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    unit_word        VARCHAR,
    denominator      DOUBLE,
    approx           BOOLEAN,
    bound            VARCHAR,
    subject          VARCHAR,
    qualifier        VARCHAR,
    period           VARCHAR,
    goal_id          VARCHAR,
    section_kind     VARCHAR,
    sentence         VARCHAR,
    start_char       INTEGER,
    end_char         INTEGER,
    per              VARCHAR,            -- "703 140 euroa / vuosi" -> year
    direction        VARCHAR,            -- more | less, for comparisons
    baseline_value   DOUBLE,
    baseline_period  VARCHAR,
    subject_rule     VARCHAR             -- which rule chose the subject (README "How a subject is chosen")
);
-- a database made before subject_rule existed gains it
ALTER TABLE figures ADD COLUMN IF NOT EXISTS subject_rule VARCHAR;

CREATE TABLE IF NOT EXISTS errors (
    source   VARCHAR NOT NULL,
    stage    VARCHAR NOT NULL,
    message  VARCHAR NOT NULL,
    time     TIMESTAMP DEFAULT current_timestamp
);

-- Which input file produced which document, so incremental runs skip unchanged files.
CREATE TABLE IF NOT EXISTS inputs (
    source       VARCHAR PRIMARY KEY,
    size         BIGINT,
    mtime_ns     BIGINT,
    doc_id       VARCHAR,
    status       VARCHAR,               -- stored | failed | skipped
    processed_at TIMESTAMP DEFAULT current_timestamp
);

CREATE OR REPLACE VIEW figure_facts AS
SELECT f.*, d.organisation, d.body, d.meeting_date, d.report_period, d.title AS document_title,
       d.source, d.parent_doc_id, g.name AS goal_name, g.goal_key, g.owner AS goal_owner
FROM figures f
JOIN documents d USING (doc_id)
LEFT JOIN goals g USING (goal_id);
