-- Up Migration
-- The operator console: tokens with roles, the tamper-evident audit log, connector control, and the
-- console's index of every hop a dossier takes (source, canonical, route, retry, dead letter).

-- Bearer tokens; only a SHA-256 of the token is kept (tokens are 256-bit random, so no slow hash is needed).
CREATE TABLE console_tokens (
  id            text        PRIMARY KEY,
  name          text        NOT NULL,
  role          text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  token_hash    text        NOT NULL UNIQUE,
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

-- Operator actions, append-only. Each row's hash is an HMAC over its content and the previous row's
-- hash, so a changed, inserted or deleted row breaks the chain (`lienthong audit verify`).
CREATE TABLE audit_log (
  id          bigint      PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor       text        NOT NULL,
  role        text        NOT NULL,
  action      text        NOT NULL,
  target      text        NOT NULL,
  parameters  jsonb       NOT NULL,
  result      text        NOT NULL,
  detail      jsonb       NOT NULL,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- What an operator asked of each connector; every replica polls it and obeys.
CREATE TABLE connector_control (
  connector   text        PRIMARY KEY,
  paused      boolean     NOT NULL,
  changed_by  text        NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);

-- Each connector replica's latest report: whether it applied the pause, its breaker, its last error.
CREATE TABLE connector_replicas (
  connector   text        NOT NULL,
  instance    text        NOT NULL,
  paused      boolean     NOT NULL,
  breaker     text        NOT NULL,
  last_error  jsonb,
  started_at  timestamptz NOT NULL,
  seen_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, instance)
);

-- Every message of a dossier on the topics Lienthong reads and writes, as the broker holds it.
CREATE TABLE dossier_trail (
  topic         text        NOT NULL,
  partition     integer     NOT NULL,
  "offset"      bigint      NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('source', 'canonical', 'route', 'retry', 'dead_letter')),
  stage         text        NOT NULL,
  dossier_code  text,
  event_id      text,
  sequence      bigint,
  status        smallint,
  at            timestamptz NOT NULL,
  headers       jsonb       NOT NULL,
  PRIMARY KEY (topic, partition, "offset")
);
CREATE INDEX dossier_trail_dossier ON dossier_trail (dossier_code, at);
CREATE INDEX dossier_trail_kind ON dossier_trail (stage, kind, at);

-- Dead letters of the hub and of every connector, with their original bytes, for browse and replay.
CREATE TABLE dead_letters (
  id                bigserial   PRIMARY KEY,
  topic             text        NOT NULL,
  partition         integer     NOT NULL,
  "offset"          bigint      NOT NULL,
  stage             text        NOT NULL,
  reason            text        NOT NULL,
  message           text        NOT NULL,
  source_system     text,
  source_topic      text,
  source_partition  integer,
  source_offset     bigint,
  dossier_code      text,
  key               text,
  value             bytea       NOT NULL,
  headers           jsonb       NOT NULL,
  failed_at         timestamptz NOT NULL,
  replayed_at       timestamptz,
  replay_id         text,
  UNIQUE (topic, partition, "offset")
);
CREATE INDEX dead_letters_filter ON dead_letters (stage, reason, failed_at);
CREATE INDEX dead_letters_dossier ON dead_letters (dossier_code);

-- Down Migration
DROP TABLE dead_letters;
DROP TABLE dossier_trail;
DROP TABLE connector_replicas;
DROP TABLE connector_control;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only;
DROP TABLE console_tokens;
