-- Up Migration
-- Console tokens expire, and the audit log names the token an action was taken with (its id, not only
-- the free-text name of its holder).
ALTER TABLE console_tokens ADD COLUMN expires_at timestamptz;
-- Tokens made before expiry existed get the default lifetime from now; the CONSOLE_ADMIN_TOKEN of the
-- environment keeps none (it is rotated by changing the environment, which revokes the previous one).
UPDATE console_tokens SET expires_at = now() + interval '90 days'
  WHERE created_by <> 'environment' AND revoked_at IS NULL;
ALTER TABLE audit_log ADD COLUMN actor_token_id text;

-- Down Migration
ALTER TABLE audit_log DROP COLUMN actor_token_id;
ALTER TABLE console_tokens DROP COLUMN expires_at;
