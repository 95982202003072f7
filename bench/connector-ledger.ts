import { Client } from 'pg';

export interface LedgerProgress {
  handled: number;
  firstAt: number;
  lastAt: number;
}

/** Reads a connector's delivery ledger in one PostgreSQL schema, as an operator would. */
export class ConnectorLedgerProbe {
  private readonly client: Client;

  constructor(private readonly schema: string) {
    this.client = new Client({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
  }

  async connect(): Promise<this> {
    await this.client.connect();
    return this;
  }

  /** Events the connector is done with: delivered, or skipped as older than what the target holds. */
  async progress(connector: string): Promise<LedgerProgress> {
    try {
      const { rows } = await this.client.query(
        `SELECT count(*) AS handled, extract(epoch FROM min(delivered_at)) * 1000 AS first_at,
           extract(epoch FROM max(delivered_at)) * 1000 AS last_at
         FROM ${this.schema}.delivery_ledger WHERE connector = $1 AND outcome <> 'failed'`,
        [connector],
      );
      return {
        handled: Number(rows[0].handled),
        firstAt: Number(rows[0].first_at),
        lastAt: Number(rows[0].last_at),
      };
    } catch {
      return { handled: 0, firstAt: NaN, lastAt: NaN }; // the connector has not migrated its schema yet
    }
  }

  async dropSchema(): Promise<void> {
    await this.client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await this.client.end();
  }
}
