-- Up Migration
-- The hub's memory: which source events it has applied, and each dossier's latest applied sequence,
-- so a duplicate changes nothing and a late event never moves a dossier backwards.
CREATE TABLE hub_applied_events (
  source_system    text        NOT NULL,
  source_event_id  text        NOT NULL,
  dossier_code     text        NOT NULL,
  applied_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_system, source_event_id)
);

CREATE TABLE hub_dossier_state (
  dossier_code     text        PRIMARY KEY,
  last_sequence    bigint      NOT NULL,
  status           smallint    NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE hub_dossier_state;
DROP TABLE hub_applied_events;
