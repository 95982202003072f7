-- Up Migration
-- The KPI sums rolled up per month: a period's whole months are read here, only its edge days from
-- kpi_daily, so a quarter's ranking reads a few thousand rows, not a few hundred thousand.
CREATE TABLE kpi_monthly (LIKE kpi_daily INCLUDING DEFAULTS);
ALTER TABLE kpi_monthly RENAME COLUMN day TO month;
ALTER TABLE kpi_monthly ADD PRIMARY KEY (month, agency_code, procedure_code);
INSERT INTO kpi_monthly
SELECT date_trunc('month', day)::date, agency_code, procedure_code, sum(received), sum(on_time_final), sum(online),
       sum(with_fees), sum(paid_online), sum(digitized), sum(reused), sum(from_warehouse), sum(settled),
       sum(e_result), sum(population_data), sum(rated), sum(not_satisfied), sum(synced)
FROM kpi_daily GROUP BY 1, 2, 3;

-- Down Migration
DROP TABLE kpi_monthly;
