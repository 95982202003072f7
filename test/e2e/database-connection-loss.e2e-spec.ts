import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { IsolatedRun } from '../support/isolated-run';

/**
 * PostgreSQL restarting (or an operator terminating a backend) while a connection is checked out between
 * two queries must not end the process: its holder sees the loss as a failed query. A CI fault run found
 * an unheard error event on such a connection.
 */
describe('a PostgreSQL connection lost while checked out', () => {
  const run = new IsolatedRun();
  let database: Database;

  beforeAll(() => {
    database = new Database(readConfig(databaseConfigSpec, run.env()));
  });

  afterAll(async () => {
    await database?.close();
    await run.close();
  });

  it('fails the transaction that held it, and the pool goes on with a new connection', async () => {
    let pid = 0;
    const lost = database.transaction(async (client) => {
      [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const ended = new Promise((resolve) => client.once('end', resolve));
      await database.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      return client.query('SELECT 1');
    });

    await expect(lost).rejects.toThrow();
    const [next] = await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(next.pid).not.toBe(pid);
  });
});
