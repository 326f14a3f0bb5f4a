#include "db/schema.h"

namespace bw::db {

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: fetch outcomes, documents and their raw bodies.
      R"sql(
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,   -- canonical URL: one row per article
  fetched_url      TEXT,                   -- the URL the body was last fetched from
  title            TEXT NOT NULL,
  site_name        TEXT,
  author           TEXT,
  published        TEXT,                   -- ISO 8601, offset kept when known
  published_from   TEXT,
  lang             TEXT NOT NULL,
  script           TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('article', 'post')),
  status           TEXT NOT NULL,          -- ok | no_article | empty
  text             TEXT NOT NULL,
  content_hash     TEXT NOT NULL,          -- of text, to see whether a refetch changed it
  analyzer_version TEXT NOT NULL,
  first_seen       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE fetches (
  id           INTEGER PRIMARY KEY,
  url          TEXT NOT NULL,
  final_url    TEXT,
  fetched_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  outcome      TEXT NOT NULL,   -- ok | http_error | timeout | too_large | unsupported_type | refused | redirects | network
  http_status  INTEGER,
  content_type TEXT,
  charset      TEXT,
  bytes        INTEGER,         -- decoded body size
  elapsed_ms   INTEGER,
  error        TEXT,
  document_id  INTEGER REFERENCES documents (id)
);
CREATE INDEX fetches_url ON fetches (url);

CREATE TABLE raw (
  document_id  INTEGER PRIMARY KEY REFERENCES documents (id),  -- the latest body only
  fetch_id     INTEGER NOT NULL REFERENCES fetches (id),
  content_type TEXT,
  charset      TEXT,
  encoding     TEXT NOT NULL,   -- 'zlib': the body as zlib's compress2 wrote it
  size         INTEGER NOT NULL,
  body         BLOB NOT NULL
);
)sql",
      // 2: the figures of each document and the entities it mentions.
      R"sql(
CREATE TABLE figures (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('power', 'energy', 'money', 'shares', 'percent')),
  value            REAL NOT NULL,     -- GW, GWh, units of currency, shares, points
  low              REAL,
  high             REAL,
  unit             TEXT,
  currency         TEXT,
  qualifier        TEXT,              -- about | over | at_least | up_to
  entity           TEXT,              -- canonical name
  ambiguous        INTEGER NOT NULL DEFAULT 0,
  span             TEXT NOT NULL,
  start            INTEGER NOT NULL,  -- UTF-8 byte offsets into documents.text
  end              INTEGER NOT NULL,
  analyzer_version TEXT NOT NULL
);
CREATE INDEX figures_document ON figures (document_id);
CREATE INDEX figures_entity_kind ON figures (entity, kind);

CREATE TABLE document_entities (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity      TEXT NOT NULL,
  position    INTEGER NOT NULL,  -- order of first mention
  PRIMARY KEY (document_id, entity)
);
CREATE INDEX document_entities_entity ON document_entities (entity);
)sql",
      // 3: the stance of each document and the sentences it rests on.
      R"sql(
CREATE TABLE stances (
  document_id      INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  label            TEXT NOT NULL CHECK (label IN ('bubble', 'revolution', 'neutral')),
  score            REAL NOT NULL,     -- [-1, 1]; negative leans bubble
  bubble           REAL NOT NULL,     -- weighted evidence of each side
  revolution       REAL NOT NULL,
  analyzer_version TEXT NOT NULL
);
CREATE INDEX stances_label ON stances (label);

CREATE TABLE stance_evidence (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,             -- order in the evidence list
  in_title    INTEGER NOT NULL DEFAULT 0,   -- 1: offsets are into documents.title
  start       INTEGER NOT NULL,             -- UTF-8 byte offsets into documents.text
  end         INTEGER NOT NULL,
  score       REAL NOT NULL,
  weight      REAL NOT NULL,
  label       TEXT NOT NULL,
  cues        TEXT NOT NULL,                -- JSON array of the cues as written
  rules       TEXT NOT NULL,                -- JSON array of the sentence rules that fired
  PRIMARY KEY (document_id, position)
);
)sql",
      // 4: the crawl: configured sources and their feed state, runs, the queue
      // of feed items (kept with what the feed said of them), robots.txt, and
      // near-duplicate links between documents.
      R"sql(
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,     -- as configured
  type          TEXT NOT NULL,
  url           TEXT NOT NULL,
  etag          TEXT,                     -- validators of the last 200, for conditional GET
  last_modified TEXT,
  last_poll     TEXT,                     -- ISO 8601 UTC of the last attempt
  last_status   TEXT,                     -- ok | not_modified | a failure cause
  last_error    TEXT,
  failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
  next_due      TEXT,                     -- ISO 8601 UTC; NULL: due now
  items_seen    INTEGER NOT NULL DEFAULT 0,
  items_stored  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'interrupted')),
  pid               INTEGER,
  sources           INTEGER NOT NULL DEFAULT 0,
  items_seen        INTEGER NOT NULL DEFAULT 0,
  new_documents     INTEGER NOT NULL DEFAULT 0,
  duplicates        INTEGER NOT NULL DEFAULT 0,
  not_modified      INTEGER NOT NULL DEFAULT 0,
  failures          INTEGER NOT NULL DEFAULT 0,
  failures_by_cause TEXT NOT NULL DEFAULT '{}',  -- JSON object: cause -> count
  seconds           REAL
);

-- Every item a feed or sitemap listed, by canonical URL: the crawl queue
-- ('pending' survives a crash and is finished by the next run) and what the
-- feed said of the item, kept beside the document.
CREATE TABLE feed_items (
  url          TEXT PRIMARY KEY,           -- canonical URL
  link         TEXT NOT NULL,              -- as listed, resolved
  source_id    INTEGER NOT NULL REFERENCES sources (id),
  title        TEXT,
  published    TEXT,
  content      TEXT,
  summary      TEXT,
  lang         TEXT,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'stored', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  document_id  INTEGER REFERENCES documents (id),
  first_seen   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX feed_items_pending ON feed_items (source_id) WHERE state = 'pending';

CREATE TABLE robots (
  origin     TEXT PRIMARY KEY,   -- scheme://host[:port]
  fetched_at TEXT NOT NULL,      -- ISO 8601 UTC; kept 24 hours
  status     INTEGER NOT NULL,   -- HTTP status of robots.txt (only 2xx and 4xx are kept)
  body       TEXT NOT NULL
);

ALTER TABLE documents ADD COLUMN simhash INTEGER;        -- 64-bit SimHash of text, as signed
ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN source_id INTEGER REFERENCES sources (id);
CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
CREATE INDEX documents_fetched_url ON documents (fetched_url);

-- The four 16-bit bands of each document's SimHash: two fingerprints within
-- three bits share a band, so candidates are found by index.
CREATE TABLE simhash_bands (
  band        INTEGER NOT NULL,
  value       INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band, value, document_id)
) WITHOUT ROWID;

ALTER TABLE fetches ADD COLUMN run_id INTEGER REFERENCES runs (id);
)sql",
      // 5: what history, figures and search read. Rollups are kept up to date
      // by Database::StoreDocument (db/rollups.h) and filled from the
      // documents already stored when this migration runs. Near-duplicates
      // (duplicate_of set) are left out of every rollup: they count once.
      R"sql(
ALTER TABLE documents ADD COLUMN dated_at INTEGER;    -- Unix seconds: published, else first seen
ALTER TABLE documents ADD COLUMN source_name TEXT;    -- the configured source, else the URL's host
CREATE INDEX documents_dated ON documents (dated_at);
CREATE INDEX documents_source_dated ON documents (source_name, dated_at);

-- Stance tallies per UTC hour. facet '' counts every document; 's:NAME' the
-- documents of one source, 'e:NAME' those that mention one entity. An hour
-- is fine enough for every whole-hour time zone; a bucket edge inside an
-- hour is counted from the documents themselves.
CREATE TABLE stance_hours (
  facet      TEXT NOT NULL,
  hour       INTEGER NOT NULL,   -- dated_at / 3600
  lang       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  documents  INTEGER NOT NULL,
  bubble     INTEGER NOT NULL,
  revolution INTEGER NOT NULL,
  neutral    INTEGER NOT NULL,
  score_sum  REAL NOT NULL,      -- over the documents with a stance
  score_sq   REAL NOT NULL,
  PRIMARY KEY (facet, hour, lang, kind)
) WITHOUT ROWID;

-- A claim: one figure (entity, kind, unit, value) however many documents
-- quote it. unit is the currency for money, GW/GWh for power and energy.
CREATE TABLE claims (
  id        INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,       -- '' when the figure names none
  kind      TEXT NOT NULL,
  unit      TEXT NOT NULL,
  value     REAL NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  first_at  INTEGER,
  last_at   INTEGER,
  UNIQUE (entity, kind, unit, value)
);
ALTER TABLE figures ADD COLUMN claim_id INTEGER REFERENCES claims (id);
CREATE INDEX figures_claim ON figures (claim_id);

-- Sightings of each claim per UTC day (with the first figure seen that day,
-- as the example), per source and per language.
CREATE TABLE claim_days (
  claim_id  INTEGER NOT NULL,
  day       INTEGER NOT NULL,    -- dated_at / 86400
  documents INTEGER NOT NULL,
  figure_id INTEGER NOT NULL,
  PRIMARY KEY (claim_id, day)
) WITHOUT ROWID;
CREATE TABLE claim_sources (
  claim_id  INTEGER NOT NULL,
  source    TEXT NOT NULL,
  documents INTEGER NOT NULL,
  first_at  INTEGER NOT NULL,
  last_at   INTEGER NOT NULL,
  PRIMARY KEY (claim_id, source)
) WITHOUT ROWID;
CREATE TABLE claim_langs (
  claim_id  INTEGER NOT NULL,
  lang      TEXT NOT NULL,
  documents INTEGER NOT NULL,
  first_at  INTEGER NOT NULL,
  last_at   INTEGER NOT NULL,
  PRIMARY KEY (claim_id, lang)
) WITHOUT ROWID;

-- Full-text search over title and text with the 'bw' tokenizer
-- (db/search_tokenizer.h): words, and bigrams of Chinese and Japanese.
CREATE VIRTUAL TABLE search USING fts5 (
  title, text, content = 'documents', content_rowid = 'id', tokenize = 'bw'
);
)sql",
      // 6: faster writes and reads at millions of documents. A band keeps its
      // document's fingerprint, so near-duplicate candidates are compared
      // without reading their (large) document rows. The date indexes cover
      // what history reads for the hours a bucket edge cuts. Indexes no query
      // reads are dropped (each costs every insert a b-tree write); fetches
      // are found by document for `show`.
      R"sql(
CREATE TABLE simhash_bands_v6 (
  band        INTEGER NOT NULL,
  value       INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  simhash     INTEGER NOT NULL,   -- the document's 64-bit SimHash, as stored in documents
  PRIMARY KEY (band, value, document_id)
) WITHOUT ROWID;
INSERT INTO simhash_bands_v6 (band, value, document_id, simhash)
  SELECT b.band, b.value, b.document_id, d.simhash
  FROM simhash_bands b JOIN documents d ON d.id = b.document_id
  WHERE d.simhash IS NOT NULL;
DROP TABLE simhash_bands;
ALTER TABLE simhash_bands_v6 RENAME TO simhash_bands;

DROP INDEX documents_published;
DROP INDEX fetches_url;
DROP INDEX figures_entity_kind;
DROP INDEX stances_label;
DROP INDEX documents_dated;
DROP INDEX documents_source_dated;
CREATE INDEX documents_dated ON documents (dated_at, duplicate_of, lang, kind);
CREATE INDEX documents_source_dated ON documents (source_name, dated_at, duplicate_of, lang, kind);
CREATE INDEX fetches_document ON fetches (document_id);
)sql",
      // 7: fingerprints in an append-only table, read once into memory
      // (db/fingerprint_index.h), in place of the band index: its random keys
      // made it the largest cost of an insert at a million documents. seq
      // grows with every change (REPLACE gives a new one), so a process
      // catches up with what another stored since it read them.
      R"sql(
CREATE TABLE fingerprints (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
  simhash     INTEGER NOT NULL    -- as documents.simhash
);
INSERT INTO fingerprints (document_id, simhash)
  SELECT id, simhash FROM documents WHERE simhash IS NOT NULL ORDER BY id;
DROP TABLE simhash_bands;
)sql",
      // 8: the search index merges its segments 16 at a time instead of 4:
      // at a million documents, merging was a sixth of the cost of an insert,
      // and a query reads a few more segments (bench/README.md).
      R"sql(
INSERT INTO search (search, rank) VALUES ('automerge', 16);
)sql",
      // 9: the fetched-URL and near-duplicate indexes hold only the rows a
      // query can find through them: a fetched URL other than the canonical
      // one (a document fetched at its canonical URL is found by that), and
      // a document that has an original. Most documents are in neither, and
      // each entry was another random-key insert per document.
      R"sql(
DROP INDEX documents_fetched_url;
DROP INDEX documents_duplicate_of;
CREATE INDEX documents_fetched_url ON documents (fetched_url) WHERE fetched_url IS NOT url;
CREATE INDEX documents_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL;
)sql",
  };
  return kMigrations;
}

}  // namespace bw::db
