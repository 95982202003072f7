-- Up Migration
-- The national payment platform's confirmations through Lienthong (payment.v1 paid on the national
-- channel) as the portal connector keeps them: DuocThanhToanTrucTuyen 1 for the dossier, at its first
-- delivery or as an amendment of the record the portal holds. A dossier's first confirmation stays: a
-- copy of the event (same ce_id) or a later one adds nothing, and nothing takes a paid payment back.
CREATE TABLE portal_payment_confirmations (
  dossier_code  text        PRIMARY KEY,
  reference     text        NOT NULL,
  event_id      text,
  paid_at       timestamptz NOT NULL
);

-- The KPI read model the same way (payment.v1 may arrive before or after the dossier's row): a dossier
-- is paid online when the national platform confirmed it (payment_confirmations) or its source reports
-- a payment through the province's own gateway (the dossier.v1 flags, which paid_online alone held so far).
ALTER TABLE kpi_dossiers ADD COLUMN paid_own_gateway boolean NOT NULL DEFAULT false;
ALTER TABLE kpi_dossiers ADD COLUMN paid_national_platform boolean NOT NULL DEFAULT false;
UPDATE kpi_dossiers SET paid_own_gateway = paid_online WHERE paid_online;
CREATE TABLE kpi_payment_confirmations (
  dossier_code  text        PRIMARY KEY,
  paid_at       timestamptz NOT NULL
);

-- Down Migration
DROP TABLE kpi_payment_confirmations;
ALTER TABLE kpi_dossiers DROP COLUMN paid_national_platform;
ALTER TABLE kpi_dossiers DROP COLUMN paid_own_gateway;
DROP TABLE portal_payment_confirmations;
