-- Up Migration
-- The progress records (CapNhatTienDoHoSoMC) the portal connector sent, one per dossier event, as first
-- sent: the dossier's status history at the portal, with the time of every step (what the national
-- on-time score reads). A reconciliation that restores a dossier the portal lost, or whose status there
-- fell behind, sends them again in order; `at_portal` false marks the steps still owed to the portal, so
-- a restore cut short resumes at the next run and a finished one is never sent twice.
CREATE TABLE portal_progress_sent (
  dossier_code     text        NOT NULL,
  source_system    text        NOT NULL,
  source_event_id  text        NOT NULL,
  sequence         bigint      NOT NULL,
  record           jsonb       NOT NULL,
  at_portal        boolean     NOT NULL DEFAULT true,
  sent_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dossier_code, source_system, source_event_id)
);
CREATE INDEX portal_progress_sent_order ON portal_progress_sent (dossier_code, sequence, sent_at);
CREATE INDEX portal_progress_sent_owed ON portal_progress_sent (dossier_code) WHERE NOT at_portal;
CREATE INDEX portal_progress_sent_age ON portal_progress_sent (sent_at);

-- Down Migration
DROP TABLE portal_progress_sent;
