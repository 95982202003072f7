import { consoleConfigSpec, consoleRetention } from '@lienthong/console';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec, Retention } from '@lienthong/database';
import { deadLetter } from '@lienthong/kafka';
import { motcuaLifecycle } from '@lienthong/simulator';
import axios from 'axios';
import { ADMIN_TOKEN, ConsoleHarness } from '../support/console-harness';
import { eventually } from '../support/wait';
import { publish, readTopic, testKafka } from '../support/kafka-client';

jest.setTimeout(180_000);

interface Listed {
  id: number;
  topic: string;
  partition: number;
  offset: string;
  dossierCode: string;
}

/**
 * Dead letters anyone who can write to a dead-letter topic could plant: replayed only where their
 * stage belongs, each once however many operators replay at once; any bytes indexed without stalling
 * the index; and forgotten after DLQ_RETENTION_DAYS unless held.
 */
describe('dead letters: replay targets, concurrent replays, any bytes, retention', () => {
  let sut: ConsoleHarness;
  let operator: string;

  beforeAll(async () => {
    sut = new ConsoleHarness();
    await sut.start();
    await sut.startConsole();
    operator = await sut.token('operator');
  });

  afterAll(async () => {
    await sut?.close();
  });

  /** Dead letters as the hub or a connector writes them, but naming whatever source topic the writer likes. */
  const plant = (
    stage: string,
    from: string,
    reason: string,
    letters: { key: Buffer | string; value: string; headers?: Record<string, string> }[],
  ) =>
    publish(
      sut.topics.deadLetter(stage),
      letters.map(({ key, value, headers = {} }) => {
        const letter = deadLetter(
          sut.topics.deadLetter(stage),
          stage,
          {
            topic: from,
            partition: 0,
            offset: '0',
            key: Buffer.from(key),
            value: Buffer.from(value),
            headers,
            timestamp: String(Date.now()),
          },
          { reason, message: 'planted by the test' },
        );
        return { key: letter.key, value: letter.value, headers: letter.headers };
      }),
    );

  const listed = (reason: string, count: number): Promise<Listed[]> =>
    eventually(
      () =>
        sut
          .api(operator)
          .get('/dead-letters', { params: { reason, limit: 1000 } })
          .then(({ data }) => data.deadLetters as Listed[]),
      (letters) => letters.length >= count,
      60_000,
    );

  it('refuses a hub dead letter that names dossier.v1 as its source, sends nothing there, and audits the refusal', async () => {
    const api = sut.api(operator);
    const events = motcuaLifecycle(7600, Date.now() - 86_400_000).slice(0, 1);
    const code = events[0].hoSo.maHoSo;
    await plant('hub', sut.topics.dossier, 'STEER', [
      { key: 'H26-STEERED', value: JSON.stringify({ dossierCode: 'H26-STEERED', planted: true }) },
    ]);
    await plant('hub', sut.topics.source('motcua'), 'STEER', [
      { key: code, value: JSON.stringify(events[0]) },
    ]);
    const letters = await listed('STEER', 2);
    const steered = letters.find((letter) => letter.dossierCode === 'H26-STEERED')!;

    const alone = await api.post(`/dead-letters/${steered.id}/replay`);
    expect(alone.data).toMatchObject({
      replayed: 0,
      refused: [
        { id: steered.id, reason: expect.stringContaining('not the topic of a known source system') },
      ],
    });
    const all = await api.post('/dead-letters/replay', { filter: { reason: 'STEER' }, reason: 'replay all' });
    expect(all.data).toMatchObject({ replayed: 1, refused: [{ id: steered.id }] });

    // The one allowed reaches dossier.v1 through the hub; the steered one, had it been sent, before it.
    const canonical = await readTopic(
      sut.topics.dossier,
      (messages) => messages.some((message) => message.key === code),
      60_000,
    );
    expect(canonical.map((message) => message.key)).toContain(code);
    expect(canonical.filter((message) => message.value.toString().includes('H26-STEERED'))).toEqual([]);

    const { data: audit } = await sut
      .api(ADMIN_TOKEN)
      .get('/audit', { params: { action: 'dead-letter.replay', limit: 1000 } });
    const refusals = audit.entries.filter((entry: { detail: { refused?: { id: number }[] } }) =>
      entry.detail.refused?.some((refused) => refused.id === steered.id),
    );
    expect(refusals).toHaveLength(2);
  });

  it('sends each dead letter once when two operators replay all at the same time, and not again after', async () => {
    const api = sut.api(operator);
    const count = 40;
    const source = sut.topics.source('motcua');
    await plant(
      'hub',
      source,
      'PARALLEL',
      Array.from({ length: count }, (_, index) => ({
        key: `H26-PARALLEL-${index}`,
        value: JSON.stringify({ parallel: index }),
      })),
    );
    const letters = await listed('PARALLEL', count);
    expect(letters).toHaveLength(count);

    const answers = await Promise.all(
      [1, 2].map(() => api.post('/dead-letters/replay', { filter: { reason: 'PARALLEL' } })),
    );
    expect(answers.map(({ status }) => status)).toEqual([200, 200]);
    const sent = answers.flatMap(({ data }) => data.ids as number[]);
    expect(new Set(sent).size).toBe(count);
    expect(sent).toHaveLength(count);

    // Both answers came after the broker took what they sent: the source topic holds all of it now.
    const admin = testKafka().admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(source).finally(() => admin.disconnect());
    const total = ends.reduce((sum, { high }) => sum + Number(high), 0);
    const onTopic = await readTopic(source, total, 60_000);
    const planted = new Set(letters.map((letter) => `${letter.topic}/${letter.partition}/${letter.offset}`));
    const replays = onTopic
      .map((message) => message.headers['lienthong-replay-of'])
      .filter((of) => planted.has(of));
    expect(replays).toHaveLength(count);
    expect(new Set(replays).size).toBe(count);

    const again = await api.post(`/dead-letters/${letters[0].id}/replay`);
    expect(again.data).toMatchObject({ replayed: 0, ids: [], alreadyReplayed: [letters[0].id] });
  });

  it('lists the dead letters after one with a NUL in its key and a header, and one it cannot index, with the skip counted', async () => {
    const api = sut.api(operator);
    const skipped = async () => {
      const { data } = await axios.get<string>(`${sut.consoleUrl}/metrics`);
      return [...data.matchAll(/^lienthong_console_index_skipped_total\{[^}]*\} (\d+)$/gm)].reduce(
        (sum, [, value]) => sum + Number(value),
        0,
      );
    };
    const before = await skipped();
    await plant('hub', sut.topics.source('motcua'), 'NUL_BYTES', [
      { key: Buffer.from('H26-NUL\u0000KEY'), value: '{"nul": 1}', headers: { note: 'before\u0000after' } },
    ]);
    await plant('hub', sut.topics.source('motcua'), 'AFTER_NUL', [{ key: 'H26-AFTER-NUL', value: '{}' }]);
    // A status no smallint holds: its trail row cannot be kept, its dead letter can.
    await plant('national-portal', sut.topics.route('national-portal'), 'OUT_OF_RANGE', [
      {
        key: 'H26-RANGE',
        value: JSON.stringify({
          dossierCode: 'H26-RANGE',
          provenance: { sourceSystem: 'motcua', sourceEventId: 'e1', sequence: 1 },
          status: 70_000,
        }),
      },
    ]);
    await plant('national-portal', sut.topics.route('national-portal'), 'AFTER_RANGE', [
      { key: 'H26-AFTER-RANGE', value: '{}' },
    ]);

    expect(await listed('AFTER_NUL', 1)).toHaveLength(1);
    expect(await listed('AFTER_RANGE', 1)).toHaveLength(1);
    expect(await listed('OUT_OF_RANGE', 1)).toHaveLength(1);
    const [nul] = await listed('NUL_BYTES', 1);
    const { data: shown } = await api.get(`/dead-letters/${nul.id}`);
    expect(shown.key).toBe('H26-NUL\\u0000KEY');
    expect(shown.headers.note).toBe('before\\u0000after');
    expect((await skipped()) - before).toBe(1);
  });

  it('forgets a dead letter older than DLQ_RETENTION_DAYS, and keeps one an operator holds', async () => {
    const api = sut.api(operator);
    await plant('hub', sut.topics.source('motcua'), 'OLD', [
      { key: 'H26-OLD-1', value: '{}' },
      { key: 'H26-OLD-2', value: '{}' },
    ]);
    const [held, forgotten] = await listed('OLD', 2);
    const hold = await api.post(`/dead-letters/${held.id}/hold`, { reason: 'evidence for a complaint' });
    expect(hold.data).toEqual({ id: held.id, held: true });
    await sut.withDatabase((client) =>
      client.query(
        `UPDATE ${sut.schema}.dead_letters SET failed_at = now() - interval '91 days' WHERE id = ANY($1)`,
        [[held.id, forgotten.id]],
      ),
    );

    const config = readConfig(consoleConfigSpec, sut.env());
    const database = new Database(readConfig(databaseConfigSpec, sut.env()));
    try {
      await new Retention(database, consoleRetention(config)).prune();
    } finally {
      await database.close();
    }
    expect((await api.get(`/dead-letters/${forgotten.id}`)).status).toBe(404);
    expect((await api.get(`/dead-letters/${held.id}`)).data).toMatchObject({ held: true });
    const { data: audit } = await sut
      .api(ADMIN_TOKEN)
      .get('/audit', { params: { action: 'dead-letter.hold', limit: 1000 } });
    expect(audit.entries).toEqual([
      expect.objectContaining({ target: `dead-letter/${held.id}`, result: 'ok' }),
      expect.objectContaining({ target: `dead-letter/${held.id}`, result: 'pending' }),
    ]);
  });
});
