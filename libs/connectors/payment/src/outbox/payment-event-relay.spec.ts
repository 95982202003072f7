import type { Database } from '@lienthong/database';
import { CloudEventHeader, type KafkaConnection, type OutgoingRecord } from '@lienthong/kafka';
import { PaymentEventRelay, paymentEventId } from './payment-event-relay';

interface Row {
  id: string;
  dossier_code: string;
  event: { requestId: string; state: string };
  created_at: Date;
  published: boolean;
}

/** The outbox in memory, answering the relay's two statements; `held`: another replica relays. */
function outboxOf(rows: Row[], held = false) {
  const database = {
    locks: () => ({
      tryHold: async <T>(_namespace: string, _key: string, work: () => Promise<T>) =>
        held ? { held: false as const } : { held: true as const, result: await work() },
    }),
    query: async (sql: string, params: unknown[]) => {
      if (sql.startsWith('SELECT')) {
        return rows.filter((row) => !row.published).slice(0, params[0] as number);
      }
      for (const row of rows) if ((params[0] as string[]).includes(row.id)) row.published = true;
      return [];
    },
  };
  return database as unknown as Database;
}

function kafkaSending(fail = false) {
  const sent: OutgoingRecord[] = [];
  const kafka = {
    ensureTopics: async () => undefined,
    producer: async () => ({ disconnect: async () => undefined }),
    send: async (_producer: unknown, records: OutgoingRecord[]) => {
      if (fail) throw new Error('broker down');
      sent.push(...records);
    },
  };
  return { kafka: kafka as unknown as KafkaConnection, sent };
}

const row = (id: number, dossier: string, state: string): Row => ({
  id: String(id),
  dossier_code: dossier,
  event: { requestId: `r${dossier}`, state },
  created_at: new Date('2024-08-15T07:30:05Z'),
  published: false,
});

describe(PaymentEventRelay.name, () => {
  let sut: PaymentEventRelay | undefined;

  afterEach(async () => sut?.stop());

  it('publishes the unpublished events in id order, key = dossier code, ce_id from the row id, and marks them', async () => {
    const rows = [row(1, 'A', 'initiated'), row(2, 'B', 'initiated'), row(3, 'A', 'paid')];
    const { kafka, sent } = kafkaSending();
    sut = new PaymentEventRelay(outboxOf(rows), kafka, { name: 'payment.v1' });
    await sut.start();

    expect(await sut.relay()).toBe(3);

    expect(sent.map((record) => [record.key, JSON.parse(String(record.value)).state])).toEqual([
      ['A', 'initiated'],
      ['B', 'initiated'],
      ['A', 'paid'],
    ]);
    expect(sent.map((record) => record.headers[CloudEventHeader.Id])).toEqual(
      ['1', '2', '3'].map(paymentEventId),
    );
    expect(rows.every((one) => one.published)).toBe(true);
    expect(await sut.relay()).toBe(0);
  });

  it('leaves the events unpublished when the broker fails, to send them again with the same ids', async () => {
    const rows = [row(1, 'A', 'initiated')];
    sut = new PaymentEventRelay(outboxOf(rows), kafkaSending(true).kafka, { name: 'payment.v1' });
    await sut.start();

    await expect(sut.relay()).rejects.toThrow('broker down');

    expect(rows[0].published).toBe(false);
  });

  it('publishes nothing while another replica relays', async () => {
    const rows = [row(1, 'A', 'initiated')];
    const { kafka, sent } = kafkaSending();
    sut = new PaymentEventRelay(outboxOf(rows, true), kafka, { name: 'payment.v1' });
    await sut.start();

    expect(await sut.relay()).toBe(0);
    expect(sent).toHaveLength(0);
  });
});
