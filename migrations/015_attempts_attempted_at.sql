-- Up Migration
-- When a dossier was last attempted, so that retention can forget attempts as old as the ledger's window.
ALTER TABLE target_attempts ADD COLUMN attempted_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX target_attempts_attempted_at ON target_attempts (attempted_at);
CREATE INDEX population_audit_requested_at ON population_audit (requested_at);

-- Down Migration
DROP INDEX population_audit_requested_at;
DROP INDEX target_attempts_attempted_at;
ALTER TABLE target_attempts DROP COLUMN attempted_at;
