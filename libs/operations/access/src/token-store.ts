import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@lienthong/database';
import type { ClientBase } from 'pg';
import type { Role } from './roles';
import { DEFAULT_TOKEN_TTL_MS } from './token-ttl';
import type { Scope } from './scopes';

/** Who a valid token belongs to. */
export interface TokenHolder {
  id: string;
  name: string;
  role: Role;
  scopes: Scope[];
}

export interface TokenInfo extends TokenHolder {
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Null for the CONSOLE_ADMIN_TOKEN of the environment, which is rotated by changing the environment. */
  expiresAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  scopes: Scope[];
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  expires_at: Date | null;
}

const PREFIX = 'lt_';

/** Tokens are 256 random bits, so a plain SHA-256 is enough to keep them unusable if the table leaks. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Console bearer tokens in PostgreSQL (`console_tokens`): only their hash is kept; the token itself is
 * shown once, when it is created.
 */
export class TokenStore {
  constructor(
    private readonly database: Database,
    /** The lifetime of a token made without one. */
    private readonly defaultTtlMs = DEFAULT_TOKEN_TTL_MS,
  ) {}

  /**
   * A new token living `ttlMs`; with `within`, written in the caller's transaction (so that it and its
   * audit row are written together or not at all).
   */
  async create(
    name: string,
    role: Role,
    createdBy: string,
    {
      ttlMs = this.defaultTtlMs,
      within,
      scopes = [],
    }: { ttlMs?: number; within?: ClientBase; scopes?: Scope[] } = {},
  ): Promise<TokenHolder & { token: string; expiresAt: string }> {
    const id = randomBytes(6).toString('hex');
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    await (within ?? this.database.pool).query(
      `INSERT INTO console_tokens (id, name, role, token_hash, created_by, expires_at, scopes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, name, role, hashToken(token), createdBy, expiresAt, scopes],
    );
    return { id, name, role, scopes, token, expiresAt };
  }

  /**
   * Makes sure a token given by the operator (the first admin's secret from the environment) is known,
   * with this name and role. Its id is derived from its hash, so every console replica agrees on it.
   * It does not expire: it lives in the secret store and is rotated there, and a new one revokes the
   * previous one here (an expiry would lock the first admin out on a day nobody chose).
   */
  async ensure(token: string, name: string, role: Role): Promise<TokenHolder> {
    const hash = hashToken(token);
    const id = `env-${hash.slice(0, 8)}`;
    await this.database.transaction(async (client) => {
      await client.query(
        `INSERT INTO console_tokens (id, name, role, token_hash, created_by) VALUES ($1, $2, $3, $4, 'environment')
         ON CONFLICT (token_hash) DO NOTHING`,
        [id, name, role, hash],
      );
      await client.query(
        `UPDATE console_tokens SET revoked_at = now()
         WHERE created_by = 'environment' AND token_hash <> $1 AND revoked_at IS NULL`,
        [hash],
      );
    });
    return { id, name, role, scopes: [] };
  }

  /** The holder of a valid token (not revoked, not expired), or undefined. */
  async authenticate(token: string): Promise<TokenHolder | undefined> {
    // Pages poll every few seconds: the last use is written at most once a minute.
    const [row] = await this.database.query<TokenRow>(
      `WITH holder AS (
         SELECT id, name, role, scopes, last_used_at FROM console_tokens
         WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
       ), touched AS (
         UPDATE console_tokens SET last_used_at = now() FROM holder
         WHERE console_tokens.id = holder.id
           AND (holder.last_used_at IS NULL OR holder.last_used_at < now() - interval '1 minute')
       )
       SELECT id, name, role, scopes FROM holder`,
      [hashToken(token)],
    );
    return row && { id: row.id, name: row.name, role: row.role, scopes: row.scopes };
  }

  /** Revokes a token (with `within`, in the caller's transaction); false when no unrevoked token has this id. */
  async revoke(id: string, within?: ClientBase): Promise<boolean> {
    const { rowCount } = await (within ?? this.database.pool).query(
      'UPDATE console_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [id],
    );
    return (rowCount ?? 0) > 0;
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.database.query<TokenRow>(
      `SELECT id, name, role, scopes, created_by, created_at, revoked_at, last_used_at, expires_at
       FROM console_tokens ORDER BY created_at, id`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      scopes: row.scopes,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      revokedAt: row.revoked_at?.toISOString() ?? null,
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
      expiresAt: row.expires_at?.toISOString() ?? null,
    }));
  }
}
