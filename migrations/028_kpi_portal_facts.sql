-- Up Migration
-- What the portal connector last sent of each dossier, as the national comparison's causes read it,
-- kept beside Lienthong's own facts in the KPI read model (written by the projection's sync marking,
-- KPI_SYNC_MARK_MS): one agency's drill-down is then one range scan of the index below, not one read of
-- the connector's stored record per dossier. portal_created NULL: never sent to the portal.
ALTER TABLE kpi_dossiers
  ADD COLUMN portal_created boolean,
  ADD COLUMN portal_status smallint,
  ADD COLUMN portal_paid_online boolean,
  ADD COLUMN portal_digitized boolean,
  ADD COLUMN portal_reused boolean,
  ADD COLUMN portal_vneid_verified boolean,
  ADD COLUMN portal_population_checked boolean,
  ADD COLUMN portal_updated_at timestamptz;

DROP INDEX kpi_dossiers_agency_day;
CREATE INDEX kpi_dossiers_agency_day ON kpi_dossiers (agency_code, received_day)
  INCLUDE (dossier_code, end_at, has_fees, paid_online, digitized, reused, vneid_verified, population_checked,
    portal_created, portal_status, portal_paid_online, portal_digitized, portal_reused, portal_vneid_verified,
    portal_population_checked);

-- The sync marking follows what the portal connector wrote since its last run, in the order written.
CREATE INDEX target_dossier_state_changed ON target_dossier_state (connector, updated_at, dossier_code);

-- Down Migration
DROP INDEX target_dossier_state_changed;
DROP INDEX kpi_dossiers_agency_day;
CREATE INDEX kpi_dossiers_agency_day ON kpi_dossiers (agency_code, received_day)
  INCLUDE (dossier_code, end_at, has_fees, paid_online, digitized, reused, vneid_verified, population_checked);
ALTER TABLE kpi_dossiers
  DROP COLUMN portal_created,
  DROP COLUMN portal_status,
  DROP COLUMN portal_paid_online,
  DROP COLUMN portal_digitized,
  DROP COLUMN portal_reused,
  DROP COLUMN portal_vneid_verified,
  DROP COLUMN portal_population_checked,
  DROP COLUMN portal_updated_at;
