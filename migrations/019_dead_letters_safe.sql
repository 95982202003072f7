-- Up Migration
-- Dead letters as any bytes, replayed once, kept only as long as needed.
-- `key` and `headers` stay the readable form the console shows, with a NUL (which text and jsonb cannot
-- hold) written as the six characters \u0000; `key_bytes` and `headers_bytes` (the headers as UTF-8
-- JSON) are what the broker held, and what a replay sends. Rows indexed before have them NULL.
ALTER TABLE dead_letters
  ADD COLUMN key_bytes bytea,
  ADD COLUMN headers_bytes bytea,
  -- A replay claims a row (replay_id, replay_claimed_at) before it publishes and sets replayed_at once
  -- the broker has it; a claim left by a replay that died in between can be taken again later.
  ADD COLUMN replay_claimed_at timestamptz,
  -- Kept past DLQ_RETENTION_DAYS while an operator holds it.
  ADD COLUMN held boolean NOT NULL DEFAULT false;
UPDATE dead_letters SET replay_claimed_at = replayed_at WHERE replayed_at IS NOT NULL;
CREATE INDEX dead_letters_failed_at ON dead_letters (failed_at);

-- Down Migration
DROP INDEX dead_letters_failed_at;
ALTER TABLE dead_letters
  DROP COLUMN held,
  DROP COLUMN replay_claimed_at,
  DROP COLUMN headers_bytes,
  DROP COLUMN key_bytes;
