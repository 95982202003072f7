-- Up Migration
-- The newest sequence a connector has started to send for a dossier. A call may reach the target and
-- its answer be lost (timeout, crash); an older event must then never be sent after it.
CREATE TABLE target_attempts (
  connector           text   NOT NULL,
  dossier_code        text   NOT NULL,
  attempted_sequence  bigint NOT NULL,
  PRIMARY KEY (connector, dossier_code)
);

-- Down Migration
DROP TABLE target_attempts;
