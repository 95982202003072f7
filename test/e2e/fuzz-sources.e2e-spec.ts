import axios from 'axios';
import { DeadLetterHeader } from '@lienthong/kafka';
import { toPortalDossier } from '@lienthong/national-portal';
import { mixedEvents } from '@lienthong/simulator';
import { fuzzEvents } from '../support/fuzz-events';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { mapWithSource } from '../support/source-fixtures';

jest.setTimeout(300_000);

const FUZZ = 10_000;
const VALID = 600;
const REASONS = [
  'TOO_LARGE',
  'UNPARSEABLE',
  'SCHEMA_INVALID',
  'INVALID_DOSSIER_CODE',
  'INVALID_PROCEDURE_CODE',
  'INVALID_AGENCY_CODE',
  'UNKNOWN_STATUS',
  'UNKNOWN_CODE',
  'INVALID_DATE',
  'DUE_BEFORE_RECEIPT',
  'INVALID_PERSONAL_ID',
  'CANONICAL_INVALID',
];

/** The sum of a counter's samples in Prometheus text. */
const total = (metrics: string, name: string) =>
  metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);

/**
 * Broken sources among working ones: 10,000 mutated events (truncated, broken UTF-8, offsets like
 * +99:99, numbers like 1e400, __proto__ keys, 20,000-deep nesting, XML entities, dropped fields, wrong
 * types, oversized, control characters) interleaved with valid traffic. Every event is accounted for
 * (canonical, dead-lettered with a known reason, or a duplicate), the hub never stops, and every valid
 * dossier reaches the portal.
 */
describe('fuzzed source events among valid traffic', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('dead-letters every broken event with its reason, crashes on none and delivers every valid one', async () => {
    const fuzz = fuzzEvents(FUZZ, 60_000);
    const valid = [...mixedEvents(VALID, (system) => sut.topics.source(system), 20_000)];
    // Valid traffic between the broken events, each topic's messages in order.
    const byTopic = new Map<string, Buffer[]>();
    const add = (topic: string, value: Buffer) => byTopic.set(topic, [...(byTopic.get(topic) ?? []), value]);
    let next = 0;
    fuzz.forEach(({ system, bytes }, index) => {
      add(sut.topics.source(system), bytes);
      if (index % 16 === 0 && next < valid.length) add(valid[next].topic, Buffer.from(valid[next++].value));
    });
    for (const event of valid.slice(next)) add(event.topic, Buffer.from(event.value));
    // Sent in requests under the broker's 1 MB limit (oversized events alone).
    for (const [topic, values] of byTopic) {
      let chunk: Buffer[] = [];
      let bytes = 0;
      for (const value of [...values, null]) {
        if (value === null || (chunk.length > 0 && bytes + value.length > 700_000)) {
          await publish(
            topic,
            chunk.map((item) => ({ key: null, value: item })),
          );
          chunk = [];
          bytes = 0;
        }
        if (value !== null) {
          chunk.push(value);
          bytes += value.length;
        }
      }
    }

    const hubMetrics = () => axios.get<string>(`${sut.url('hub')}/metrics`).then(({ data }) => data);
    const published = FUZZ + VALID;
    const metrics = await eventually(
      hubMetrics,
      (text) => total(text, 'lienthong_hub_consumed_total') >= published,
      180_000,
    );
    expect(total(metrics, 'lienthong_hub_consumed_total')).toBe(published);

    const rejected = total(metrics, 'lienthong_hub_rejected_total');
    const duplicates = total(metrics, 'lienthong_hub_duplicates_total');
    const letters = await readTopic(sut.topics.deadLetter('hub'), rejected, 60_000);
    expect(letters).toHaveLength(rejected);
    expect(letters.every((letter) => REASONS.includes(letter.headers[DeadLetterHeader.Reason]))).toBe(true);
    const canonical = await readTopic(sut.topics.dossier, published - rejected - duplicates, 60_000);
    expect(canonical.length + rejected + duplicates).toBe(published);
    expect(rejected).toBeGreaterThan(FUZZ / 2);

    expect((await axios.get(`${sut.url('hub')}/health/ready`)).status).toBe(200);
    const newest = new Map<string, string>();
    for (const event of valid) {
      const dossier = mapWithSource(event.topic.split('.').at(-2)!, Buffer.from(event.value));
      newest.set(dossier.dossierCode, toPortalDossier(dossier).TrangThaiHoSo);
    }
    for (const [code, status] of newest) {
      const held = await eventually(
        () => sut.portal.lookup(code),
        (record) => record?.TrangThaiHoSo === status,
        60_000,
      );
      expect([code, held?.TrangThaiHoSo]).toEqual([code, status]);
    }
  });
});
