-- Up Migration
-- The hub remembers each applied event with its sequence and the source record (topic, partition,
-- offset) that applied it, written before the Kafka transaction commits. A batch consumed again after
-- an aborted transaction starts at the committed offset: rows of its own partition at or after it were
-- never committed and are not counted, while a crash after the commit loses nothing.
ALTER TABLE hub_applied_events
  ADD COLUMN sequence bigint,
  ADD COLUMN src_topic text,
  ADD COLUMN src_partition integer,
  ADD COLUMN src_offset bigint;
CREATE INDEX hub_applied_events_dossier ON hub_applied_events (dossier_code, sequence);
-- Dossiers applied before: their latest sequence, as one row each.
INSERT INTO hub_applied_events (source_system, source_event_id, dossier_code, sequence)
SELECT '(before 011)', dossier_code, dossier_code, last_sequence FROM hub_dossier_state
ON CONFLICT DO NOTHING;

-- Down Migration
DELETE FROM hub_applied_events WHERE source_system = '(before 011)';
DROP INDEX hub_applied_events_dossier;
ALTER TABLE hub_applied_events
  DROP COLUMN sequence, DROP COLUMN src_topic, DROP COLUMN src_partition, DROP COLUMN src_offset;
