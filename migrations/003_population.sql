-- Up Migration
-- Every population-database lookup, cache hits included: who asked, for which dossier, why, and how it
-- went. The personal ID is never stored: an HMAC finds one citizen's lookups, a mask helps a reader.
CREATE TABLE population_audit (
  id                 bigserial   PRIMARY KEY,
  requested_at       timestamptz NOT NULL DEFAULT now(),
  request_id         text        NOT NULL,
  answer_request_id  text,
  connector          text        NOT NULL,
  officer            text        NOT NULL,
  dossier_code       text        NOT NULL,
  source_event_id    text        NOT NULL,
  procedure_code     text,
  purpose            text        NOT NULL,
  operation          text        NOT NULL,
  answered_by        text        NOT NULL CHECK (answered_by IN ('gateway', 'cache')),
  outcome            text        NOT NULL CHECK (outcome IN ('verified', 'not_verified', 'failed')),
  reason             text,
  subject_hmac       text        NOT NULL,
  subject_masked     text        NOT NULL
);
CREATE INDEX population_audit_dossier ON population_audit (dossier_code, requested_at);
CREATE INDEX population_audit_subject ON population_audit (subject_hmac, requested_at);

-- Down Migration
DROP TABLE population_audit;
