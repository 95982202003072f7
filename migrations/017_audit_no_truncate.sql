-- Up Migration
-- TRUNCATE fires no row trigger, so the append-only trigger of 009 never saw it: refuse it as well.
-- The table's owner can still disable both triggers; the chain's head anchored outside the database
-- (`audit.anchor.v1`) is what finds rows cut from the end then, and the apps' role may not TRUNCATE,
-- UPDATE or DELETE the table at all (`lienthong migrate` with DATABASE_APP_ROLE).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Down Migration
DROP TRIGGER audit_log_no_truncate ON audit_log;
