-- Up Migration
-- An event is known by its source system and its id: two sector systems may give the same id to
-- events of different dossiers, and each must be delivered. Rows written before this knew no system.
ALTER TABLE delivery_ledger ADD COLUMN source_system text NOT NULL DEFAULT '';
ALTER TABLE delivery_ledger DROP CONSTRAINT delivery_ledger_pkey;
ALTER TABLE delivery_ledger ADD PRIMARY KEY (connector, source_system, source_event_id);

-- Down Migration
ALTER TABLE delivery_ledger DROP CONSTRAINT delivery_ledger_pkey;
ALTER TABLE delivery_ledger ADD PRIMARY KEY (connector, source_event_id);
ALTER TABLE delivery_ledger DROP COLUMN source_system;
