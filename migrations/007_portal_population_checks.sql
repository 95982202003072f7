-- Up Migration
-- The population connector's outcomes (identity.verified.v1) as the portal connector keeps them: a
-- dossier whose applicant was verified in the population database says so at the portal (DSKetNoiCSDL).
CREATE TABLE portal_population_checks (
  dossier_code  text        PRIMARY KEY,
  verified      boolean     NOT NULL,
  checked_at    timestamptz NOT NULL
);

-- Down Migration
DROP TABLE portal_population_checks;
