import { readFileSync } from 'node:fs';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec } from '@lienthong/kafka';
import {
  ApplicantSeal,
  maskWords,
  Pseudonymizer,
  openingKeysSpec,
  type ApplicantProfile,
} from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { LienthongHarness } from '../support/lienthong-harness';
import { eventually } from '../support/wait';
import { loadFixtureDossiers } from '../support/source-fixtures';
import { securedKafka, securedKafkaClientEnv } from '../setup/secured-kafka';

jest.setTimeout(240_000);

const PSEUDONYM_KEY = 'sasl-e2e-pseudonym-key';

/** The flow on the project's broker in its secured mode: TLS to the brokers, SASL SCRAM-SHA-512 logins. */
describe(`${KafkaConnection.name} over SASL_SSL`, () => {
  let sut: LienthongHarness;
  let clientEnv: Record<string, string>;
  const connections: KafkaConnection[] = [];
  const connect = (overrides: Record<string, string> = {}) => {
    const connection = new KafkaConnection(readConfig(kafkaConfigSpec, { ...clientEnv, ...overrides }));
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    securedKafka('start');
    clientEnv = securedKafkaClientEnv();
    sut = await new LienthongHarness().start({
      ...clientEnv,
      KAFKA_DLQ_RETENTION_HOURS: '48',
      POPULATION_AUDIT_KEY: PSEUDONYM_KEY,
    });
  }, 420_000);

  afterAll(async () => {
    await Promise.allSettled(connections.map((connection) => connection.close()));
    await sut?.close();
    securedKafka('stop');
  }, 120_000);

  it('is a broker that speaks TLS and SCRAM-SHA-512 only', () => {
    expect(clientEnv).toMatchObject({
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SSL_CA_FILE: expect.stringMatching(/ca\.crt$/),
    });
    expect(clientEnv.KAFKA_BROKERS).toBe('127.0.0.1:19096');
  });

  /** The first message on a topic, read over SASL_SSL (read_committed, as the connectors read). */
  const firstMessage = async (topic: string): Promise<Buffer> => {
    const consumer = await connect().consumer({ groupId: `reader-${topic}-${Date.now()}` });
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing on ${topic}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          resolve(message.value!);
        },
      });
    });
  };

  // A citizen with a personal ID, phone and results: routed to the portal, the population check and
  // the documents exchange.
  const dossier = loadFixtureDossiers('motcua').find(
    ({ dossierCode }) => dossierCode === '000.00.15.H26-240826-9001',
  )!;

  it("takes a source's events from a SASL_SSL client through the hub and the connector to the portal", async () => {
    const source = connect({ KAFKA_CLIENT_ID: 'motcua' });
    const producer = await source.producer();
    await source.send(
      producer,
      dossier.events.map(({ bytes }) => ({
        topic: sut.topics.source('motcua'),
        key: dossier.dossierCode,
        value: bytes,
        headers: {},
      })),
    );

    const held = await eventually(
      () => sut.portal.lookup(dossier.expectedPortal.MaHoSo),
      (record) => record?.TrangThaiHoSo === dossier.expectedPortal.TrangThaiHoSo,
      120_000,
    );
    expect(held).toMatchObject(dossier.expectedPortal);
  });

  it('puts the applicant on dossier.v1 sealed, each connector opening only what it needs', async () => {
    const canonicalBytes = await firstMessage(sut.topics.dossier);
    const canonical = JSON.parse(String(canonicalBytes)) as DossierEvent;
    // Every connector reads this one record; the harness runs with the development keys.
    const keys = readConfig(openingKeysSpec, {});
    const opened = (profile: ApplicantProfile) => ApplicantSeal.opening(profile, keys).open(canonical);

    const portal = opened('clear');
    const { name, identity, birthDate, phone } = portal.applicant;
    expect([identity?.number, phone, birthDate]).toEqual([
      expect.stringMatching(/^\d{12}$/),
      expect.any(String),
      expect.any(String),
    ]);
    expect(opened('identity').applicant).toMatchObject({
      name,
      identity,
      birthDate,
      phone: null,
      email: null,
    });
    const pseudonym = new Pseudonymizer(PSEUDONYM_KEY).of(identity!.number);
    const documents = opened('pseudonym').applicant;
    expect(documents).toMatchObject({ name: `pseudonym:${pseudonym}`, identity: null, birthDate: null });

    expect(canonical.applicant).toMatchObject({ ...documents, masked: maskWords(name) });
    for (const clear of [name, identity!.number, birthDate!, phone!])
      expect(String(canonicalBytes)).not.toContain(clear);
  });

  it('creates the topics with the retention the settings give (dead letters: KAFKA_DLQ_RETENTION_HOURS)', async () => {
    // An outside client, as an operator's tool would connect: the CA file and the SCRAM login.
    const admin = new Kafka({
      brokers: [clientEnv.KAFKA_BROKERS],
      ssl: { ca: [readFileSync(clientEnv.KAFKA_SSL_CA_FILE)] },
      sasl: {
        mechanism: 'scram-sha-512',
        username: clientEnv.KAFKA_SASL_USERNAME,
        password: clientEnv.KAFKA_SASL_PASSWORD,
      },
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const retention = async (topic: string) => {
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
        });
        return resources[0].configEntries[0].configValue;
      };
      expect(await retention(sut.topics.deadLetter('hub'))).toBe(String(48 * 3600 * 1000));
      expect(await retention(sut.topics.dossier)).toBe(String(168 * 3600 * 1000));
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a client with a wrong password', async () => {
    await expect(connect({ KAFKA_SASL_PASSWORD: 'not-the-password' }).ping()).rejects.toThrow(
      /authentication failed/i,
    );
  });

  it("refuses a client that does not trust the broker's CA", async () => {
    await expect(connect({ KAFKA_SSL_CA_FILE: '' }).ping()).rejects.toThrow(/certificate/i);
  });
});
