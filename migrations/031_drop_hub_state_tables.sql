-- Up Migration
-- The hub keeps what it applied (event ids, each dossier's latest sequence and status) in memory, on its
-- compacted changelog hub.state.v1 written in the same Kafka transaction as what it routes: no database
-- on its hot path. The console reads a dossier's state as the hub applied it from its trail (dossier.v1).
-- The state in these tables is not carried over: a hub started on this version reads its changelog,
-- empty at first, so an event sent again afterwards is caught by each connector's ledger.
DROP TABLE hub_dossier_state;
DROP TABLE hub_applied_events;

-- Down Migration
CREATE TABLE hub_applied_events (
  source_system    text        NOT NULL,
  source_event_id  text        NOT NULL,
  dossier_code     text        NOT NULL,
  applied_at       timestamptz NOT NULL DEFAULT now(),
  sequence         bigint,
  src_topic        text,
  src_partition    integer,
  src_offset       bigint,
  PRIMARY KEY (source_system, source_event_id)
);
CREATE INDEX hub_applied_events_dossier ON hub_applied_events (dossier_code, sequence);
CREATE TABLE hub_dossier_state (
  dossier_code     text        PRIMARY KEY,
  last_sequence    bigint      NOT NULL,
  status           smallint    NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
