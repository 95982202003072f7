-- Up Migration
-- The KPI read model, projected from dossier.v1 (libs/kpi): one row per dossier with the facts the
-- national scoring reads, and sums per agency × day received × procedure. Times are timestamptz.
CREATE TABLE kpi_dossiers (
  dossier_code         text        PRIMARY KEY,
  agency_code          text        NOT NULL,
  procedure_code       text        NOT NULL,
  received_day         date        NOT NULL,
  received_at          timestamptz NOT NULL,
  due_at               timestamptz,
  end_at               timestamptz,
  processed_at         timestamptz,
  returned_at          timestamptz,
  closed_at            timestamptz,
  status               smallint    NOT NULL,
  last_sequence        bigint      NOT NULL,
  channel              smallint    NOT NULL,
  supplement_ms        bigint      NOT NULL DEFAULT 0,
  supplement_since     timestamptz,
  supplement_entries   smallint    NOT NULL DEFAULT 0,
  supplement_requests  smallint    NOT NULL DEFAULT 0,
  has_fees             boolean     NOT NULL,
  paid_online          boolean     NOT NULL,
  digitized            boolean     NOT NULL,
  reused               boolean     NOT NULL,
  from_warehouse       boolean     NOT NULL,
  e_result             boolean     NOT NULL,
  population_data      boolean     NOT NULL,
  rating               text,
  -- Finished and on time: on time at any period's end, so counted in kpi_daily; the rest is judged per query.
  on_time_final        boolean     NOT NULL,
  portal_synced        boolean     NOT NULL DEFAULT false,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
-- Open or late dossiers of a period, judged at the period's end.
CREATE INDEX kpi_dossiers_judged ON kpi_dossiers (received_day, agency_code) WHERE NOT on_time_final;
-- One agency's open dossiers (overdue now).
CREATE INDEX kpi_dossiers_open ON kpi_dossiers (agency_code, due_at) WHERE end_at IS NULL;
-- Dossiers the national portal is not known to hold yet.
CREATE INDEX kpi_dossiers_unsynced ON kpi_dossiers (dossier_code) WHERE NOT portal_synced;

CREATE TABLE kpi_daily (
  day              date    NOT NULL,
  agency_code      text    NOT NULL,
  procedure_code   text    NOT NULL,
  received         integer NOT NULL DEFAULT 0,
  on_time_final    integer NOT NULL DEFAULT 0,
  online           integer NOT NULL DEFAULT 0,
  with_fees        integer NOT NULL DEFAULT 0,
  paid_online      integer NOT NULL DEFAULT 0,
  digitized        integer NOT NULL DEFAULT 0,
  reused           integer NOT NULL DEFAULT 0,
  from_warehouse   integer NOT NULL DEFAULT 0,
  settled          integer NOT NULL DEFAULT 0,
  e_result         integer NOT NULL DEFAULT 0,
  population_data  integer NOT NULL DEFAULT 0,
  rated            integer NOT NULL DEFAULT 0,
  not_satisfied    integer NOT NULL DEFAULT 0,
  synced           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, agency_code, procedure_code)
);

CREATE TABLE kpi_agencies (
  agency_code  text PRIMARY KEY,
  name         text
);

-- Bumped by every projected batch: what the dashboard's live updates watch.
CREATE TABLE kpi_projection_progress (
  id          smallint    PRIMARY KEY CHECK (id = 1),
  version     bigint      NOT NULL,
  events      bigint      NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO kpi_projection_progress (id, version, events) VALUES (1, 0, 0);

-- Down Migration
DROP TABLE kpi_projection_progress;
DROP TABLE kpi_agencies;
DROP TABLE kpi_daily;
DROP TABLE kpi_dossiers;
