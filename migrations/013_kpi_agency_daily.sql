-- Up Migration
-- The KPI sums per agency and day, without the procedure: what the dashboard's time series read.
CREATE TABLE kpi_agency_daily (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE kpi_agency_daily DROP COLUMN procedure_code;
ALTER TABLE kpi_agency_daily ADD PRIMARY KEY (day, agency_code);
INSERT INTO kpi_agency_daily
SELECT day, agency_code, sum(received), sum(on_time_final), sum(online), sum(with_fees), sum(paid_online),
       sum(digitized), sum(reused), sum(from_warehouse), sum(settled), sum(e_result), sum(population_data),
       sum(rated), sum(not_satisfied), sum(synced)
FROM kpi_daily GROUP BY 1, 2;

-- Down Migration
DROP TABLE kpi_agency_daily;
