import type { Database } from '@lienthong/database';
import type { ClientBase } from 'pg';

/** A connector replica's own report, written each time it polls the control table. */
export interface ReplicaReport {
  connector: string;
  instance: string;
  /** The replica has stopped taking work because an operator paused the connector. */
  paused: boolean;
  breaker: 'closed' | 'open' | 'half-open';
  lastError: { code: string; message: string; at: string } | null;
  startedAt: string;
}

export interface ReplicaStatus extends ReplicaReport {
  seenAt: string;
}

export interface ControlState {
  connector: string;
  paused: boolean;
  changedBy: string;
  changedAt: string;
}

interface ReplicaRow {
  connector: string;
  instance: string;
  paused: boolean;
  breaker: ReplicaReport['breaker'];
  last_error: ReplicaReport['lastError'];
  started_at: Date;
  seen_at: Date;
}

/**
 * What operators ask of connectors (`connector_control`: paused or not) and what each replica reports
 * back (`connector_replicas`). Kept in PostgreSQL so every replica obeys and a pause survives restarts.
 */
export class ConnectorControl {
  constructor(private readonly database: Database) {}

  async isPaused(connector: string): Promise<boolean> {
    const [row] = await this.database.query<{ paused: boolean }>(
      'SELECT paused FROM connector_control WHERE connector = $1',
      [connector],
    );
    return row?.paused ?? false;
  }

  async state(connector: string): Promise<ControlState | undefined> {
    const [row] = await this.database.query<{ paused: boolean; changed_by: string; changed_at: Date }>(
      'SELECT paused, changed_by, changed_at FROM connector_control WHERE connector = $1',
      [connector],
    );
    return (
      row && {
        connector,
        paused: row.paused,
        changedBy: row.changed_by,
        changedAt: row.changed_at.toISOString(),
      }
    );
  }

  /** With `within`, in the caller's transaction (the operator's audit row commits with it). */
  async setPaused(connector: string, paused: boolean, changedBy: string, within?: ClientBase): Promise<void> {
    await (within ?? this.database.pool).query(
      `INSERT INTO connector_control (connector, paused, changed_by) VALUES ($1, $2, $3)
       ON CONFLICT (connector) DO UPDATE SET paused = EXCLUDED.paused, changed_by = EXCLUDED.changed_by, changed_at = now()`,
      [connector, paused, changedBy],
    );
  }

  async report(replica: ReplicaReport): Promise<void> {
    await this.database.query(
      `INSERT INTO connector_replicas (connector, instance, paused, breaker, last_error, started_at, seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (connector, instance) DO UPDATE SET paused = EXCLUDED.paused, breaker = EXCLUDED.breaker,
         last_error = EXCLUDED.last_error, started_at = EXCLUDED.started_at, seen_at = now()`,
      [
        replica.connector,
        replica.instance,
        replica.paused,
        replica.breaker,
        replica.lastError && JSON.stringify(replica.lastError),
        replica.startedAt,
      ],
    );
  }

  /** Replicas seen within the last `withinMs` (a stopped replica stops reporting). */
  async replicas(connector: string, withinMs = 15_000): Promise<ReplicaStatus[]> {
    const rows = await this.database.query<ReplicaRow>(
      `SELECT * FROM connector_replicas
       WHERE connector = $1 AND seen_at > now() - make_interval(secs => $2::double precision / 1000)
       ORDER BY instance`,
      [connector, withinMs],
    );
    return rows.map((row) => ({
      connector: row.connector,
      instance: row.instance,
      paused: row.paused,
      breaker: row.breaker,
      lastError: row.last_error,
      startedAt: row.started_at.toISOString(),
      seenAt: row.seen_at.toISOString(),
    }));
  }
}
