import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec, type AdvisoryLocks } from '@lienthong/database';
import { IsolatedRun } from '../support/isolated-run';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Dossier turns and single runs across replicas rest on PostgreSQL advisory locks: two processes (here
 * two pools, each its own connections) never hold one key at once, different keys go side by side, and
 * a holder that dies gives its keys back.
 */
describe('advisory locks across processes', () => {
  const run = new IsolatedRun();
  let database: Database;
  let replicaA: AdvisoryLocks;
  let replicaB: AdvisoryLocks;

  beforeAll(() => {
    database = new Database(readConfig(databaseConfigSpec, run.env()));
    replicaA = database.locks(database.dedicatedPool(4), 20);
    replicaB = database.locks(database.dedicatedPool(4), 20);
  });

  afterAll(async () => {
    await replicaA?.close();
    await replicaB?.close();
    await database?.close();
    await run.close();
  });

  const namespace = () => `test-${run.id}-${Math.random()}`;

  it('never lets two holders work on one key at once; the waiting one keeps its consumer alive', async () => {
    const ns = namespace();
    const log: string[] = [];
    let waits = 0;
    let aHolds = () => undefined as void;
    const aStarted = new Promise<void>((started) => (aHolds = started));
    const work = (name: string) => async () => {
      log.push(`${name}:start`);
      if (name === 'a') aHolds();
      await sleep(300);
      log.push(`${name}:end`);
    };
    const first = replicaA.holdAll(ns, ['D-2', 'D-1'], async () => undefined, work('a'));
    // B asks only once A holds its keys, so the order below is the locks' doing, not the scheduler's.
    await aStarted;
    const second = replicaB.holdAll(ns, ['D-1', 'D-3'], async () => void waits++, work('b'));
    await Promise.all([first, second]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    expect(waits).toBeGreaterThan(0);
  });

  it('lets different keys go side by side, and a key go again after a failure', async () => {
    const ns = namespace();
    // Each holder waits, holding its key, until the other holds its own: only side by side do both finish.
    const started: Record<string, () => void> = {};
    const holds = (name: string) => new Promise<void>((resolve) => (started[name] = resolve));
    const bothHold = Promise.all([holds('a'), holds('b')]);
    const work = (name: string) => async () => {
      started[name]();
      await bothHold;
      return name;
    };
    await expect(
      Promise.all([
        replicaA.holdAll(ns, ['D-1'], async () => undefined, work('a')),
        replicaB.holdAll(ns, ['D-2'], async () => undefined, work('b')),
      ]),
    ).resolves.toEqual(['a', 'b']);

    await expect(
      replicaA.holdAll(
        ns,
        ['D-1'],
        async () => undefined,
        () => Promise.reject(new Error('target refused')),
      ),
    ).rejects.toThrow('target refused');
    await expect(replicaB.tryHold(ns, 'D-1', async () => 'next')).resolves.toEqual({
      held: true,
      result: 'next',
    });
  });

  it('answers held: false at once while another holds the key', async () => {
    const ns = namespace();
    let release = () => undefined as void;
    let aHolds = () => undefined as void;
    const aStarted = new Promise<void>((started) => (aHolds = started));
    const holding = replicaA.tryHold(
      ns,
      'reconcile',
      () =>
        new Promise<void>((done) => {
          release = done;
          aHolds();
        }),
    );
    await aStarted;
    await expect(replicaB.tryHold(ns, 'reconcile', async () => 'ran')).resolves.toEqual({ held: false });
    release();
    await holding;
    await expect(replicaB.tryHold(ns, 'reconcile', async () => 'ran')).resolves.toEqual({
      held: true,
      result: 'ran',
    });
  });

  it('gives a key back when its holder dies (its connection is cut)', async () => {
    const ns = namespace();
    const dying = replicaA.holdAll(
      ns,
      ['D-9'],
      async () => undefined,
      async () => {
        // This holder's session ends mid-work, as a SIGKILLed replica's does.
        await database.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext('D-9')::oid
           AND classid = hashtext($1)::oid`,
          [`${run.schema}:${ns}`],
        );
        await sleep(200);
      },
    );
    await dying.catch(() => undefined);
    await expect(replicaB.tryHold(ns, 'D-9', async () => 'taken over')).resolves.toEqual({
      held: true,
      result: 'taken over',
    });
  });
});
