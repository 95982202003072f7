-- Up Migration
-- Every reconciliation of a connector's ledger with what its target holds, and what it restored.
CREATE TABLE reconciliation_runs (
  id           bigserial   PRIMARY KEY,
  connector    text        NOT NULL,
  trigger      text        NOT NULL CHECK (trigger IN ('schedule', 'operator')),
  since        timestamptz,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL,
  checked      integer     NOT NULL,
  missing      integer     NOT NULL,
  differing    integer     NOT NULL,
  restored     integer     NOT NULL,
  failed       integer     NOT NULL,
  report       jsonb       NOT NULL
);
CREATE INDEX reconciliation_runs_started ON reconciliation_runs (connector, started_at DESC);

-- Down Migration
DROP TABLE reconciliation_runs;
