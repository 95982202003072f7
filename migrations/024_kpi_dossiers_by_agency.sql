-- Up Migration
-- One agency's dossiers of a period, each compared with what reached the portal (the national score's
-- drift, explained dossier by dossier): read by agency and day received, not by a scan of the city.
CREATE INDEX kpi_dossiers_agency_day ON kpi_dossiers (agency_code, received_day);

-- Down Migration
DROP INDEX kpi_dossiers_agency_day;
