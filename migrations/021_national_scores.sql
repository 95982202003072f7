-- Up Migration
-- The national portal's published 766 scores (libs/operations/national-score). Each fetch of a period
-- is recorded with the raw answers it got (kept once per SHA-256: a closed period answers the same
-- bytes every time); a unit's score gets a new version only when what the portal publishes for it
-- changed, so the history shows when a figure moved and what moved.
CREATE TABLE national_score_fetches (
  id bigserial PRIMARY KEY,
  period_type text NOT NULL CHECK (period_type IN ('month', 'quarter', 'year')),
  period_key text NOT NULL,
  trigger text NOT NULL,
  fetched_at timestamptz NOT NULL,
  -- changed, unchanged, shape_error, failed
  outcome text NOT NULL,
  -- SHA-256 over the answers' own hashes in order: equal to the last fetch's when nothing changed
  answers_sha256 text,
  -- [{departmentId, code, change: added | changed | gone, fields}]
  changes jsonb NOT NULL DEFAULT '[]',
  error text
);
CREATE INDEX national_score_fetches_period ON national_score_fetches (period_key, fetched_at DESC);

CREATE TABLE national_score_answer_bodies (
  sha256 text PRIMARY KEY,
  body text NOT NULL
);

CREATE TABLE national_score_answers (
  fetch_id bigint NOT NULL REFERENCES national_score_fetches (id) ON DELETE CASCADE,
  endpoint text NOT NULL,
  page integer NOT NULL,
  request jsonb NOT NULL,
  status integer NOT NULL,
  fetched_at timestamptz NOT NULL,
  sha256 text NOT NULL REFERENCES national_score_answer_bodies (sha256),
  PRIMARY KEY (fetch_id, endpoint, page)
);

CREATE TABLE national_scores (
  period_key text NOT NULL,
  period_type text NOT NULL,
  department_id text NOT NULL,
  version integer NOT NULL,
  fetch_id bigint NOT NULL REFERENCES national_score_fetches (id),
  fetched_at timestamptz NOT NULL,
  department_code text,
  department_name text,
  department_type text,
  department_level text,
  child_group text,
  total_score double precision,
  max_score double precision,
  -- {CKMB: {score, maxScore}, …}
  groups jsonb NOT NULL,
  -- [{group, code, name, numerator, denominator, ratio, score, maxScore, …}]
  metrics jsonb NOT NULL,
  -- {endpoint: {the row's other fields}}
  parameters jsonb NOT NULL,
  content_sha256 text NOT NULL,
  -- what differs from the previous version (empty for the first)
  changed text[] NOT NULL,
  PRIMARY KEY (period_key, department_id, version)
);

-- Down Migration
DROP TABLE national_scores;
DROP TABLE national_score_answers;
DROP TABLE national_score_answer_bodies;
DROP TABLE national_score_fetches;
