-- Up Migration
-- Population data used (national scoring): an applicant VNeID-verified (dossier.v1) or verified in the
-- population database (identity.verified.v1, which may arrive before or after the dossier's row).
ALTER TABLE kpi_dossiers ADD COLUMN vneid_verified boolean NOT NULL DEFAULT false;
ALTER TABLE kpi_dossiers ADD COLUMN population_checked boolean NOT NULL DEFAULT false;
CREATE TABLE kpi_population_checks (
  dossier_code  text        PRIMARY KEY,
  verified      boolean     NOT NULL,
  checked_at    timestamptz NOT NULL
);

-- Down Migration
DROP TABLE kpi_population_checks;
ALTER TABLE kpi_dossiers DROP COLUMN population_checked;
ALTER TABLE kpi_dossiers DROP COLUMN vneid_verified;
