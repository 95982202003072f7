-- Up Migration
-- Permissions beside a token's role: `pii:read` reveals a dossier's personal data (audited per read).
ALTER TABLE console_tokens ADD COLUMN scopes text[] NOT NULL DEFAULT '{}'
  CHECK (scopes <@ ARRAY['pii:read']::text[]);

-- The dashboard's overdue list names the applicant masked; the clear name is never stored here.
ALTER TABLE kpi_dossiers ADD COLUMN applicant_masked text;

-- Down Migration
ALTER TABLE kpi_dossiers DROP COLUMN applicant_masked;
ALTER TABLE console_tokens DROP COLUMN scopes;
