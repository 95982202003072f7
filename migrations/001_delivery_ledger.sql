-- Up Migration
-- What each connector delivered: one row per dossier event, with the target's answer and the attempts.
CREATE TABLE delivery_ledger (
  connector        text        NOT NULL,
  source_event_id  text        NOT NULL,
  dossier_code     text        NOT NULL,
  sequence         bigint      NOT NULL,
  status           smallint,
  outcome          text        NOT NULL CHECK (outcome IN ('delivered', 'skipped_stale', 'failed')),
  attempts         integer     NOT NULL,
  answer           jsonb,
  delivered_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, source_event_id)
);
CREATE INDEX delivery_ledger_dossier ON delivery_ledger (connector, dossier_code, sequence);

-- The latest state of each dossier at each target: what reconciliation compares with the target.
CREATE TABLE target_dossier_state (
  connector        text        NOT NULL,
  dossier_code     text        NOT NULL,
  last_sequence    bigint      NOT NULL,
  status           smallint,
  created          boolean     NOT NULL,
  record           jsonb       NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, dossier_code)
);

-- Down Migration
DROP TABLE target_dossier_state;
DROP TABLE delivery_ledger;
