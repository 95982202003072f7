-- Up Migration
-- One agency's dossiers of a period, each compared with what reached the portal (the national score's
-- drift, explained dossier by dossier): read by agency and day received from the index alone (the facts
-- compared are included), not from rows scattered over the whole city's table.
CREATE INDEX kpi_dossiers_agency_day ON kpi_dossiers (agency_code, received_day)
  INCLUDE (dossier_code, end_at, has_fees, paid_online, digitized, reused, vneid_verified, population_checked);

-- Down Migration
DROP INDEX kpi_dossiers_agency_day;
