-- Up Migration
-- The result packages the documents connector sent to the document exchange (edXML), one per DocumentId,
-- with the latest status their receiver reported.
CREATE TABLE documents_packages (
  document_id       text        PRIMARY KEY,
  dossier_code      text        NOT NULL,
  sequence          bigint      NOT NULL,
  attachments       integer     NOT NULL,
  sent_at           timestamptz NOT NULL DEFAULT now(),
  last_status_code  text,
  last_status_at    timestamptz
);
CREATE INDEX documents_packages_dossier ON documents_packages (dossier_code, sequence);

-- Every status package read from the feedback inbox, once (keyed by the exchange's message id), and
-- when it was acknowledged back to the exchange.
CREATE TABLE documents_status_feedback (
  message_id        text        PRIMARY KEY,
  document_id       text        NOT NULL,
  status_code       text        NOT NULL CHECK (status_code ~ '^[0-9]{2}$'),
  description       text        NOT NULL,
  from_organ_id     text        NOT NULL,
  status_at         timestamptz NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at   timestamptz
);
CREATE INDEX documents_status_feedback_document ON documents_status_feedback (document_id, status_at);

-- Down Migration
DROP TABLE documents_status_feedback;
DROP TABLE documents_packages;
