import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '@lienthong/config';
import { kafkaConfigSpec } from './kafka.config';
import { kafkaSecurity } from './kafka-security';

describe(kafkaSecurity.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
  const caFile = join(dir, 'ca.crt');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sut = (env: Record<string, string>) => kafkaSecurity(readConfig(kafkaConfigSpec, env));
  const scram = {
    KAFKA_SSL: 'true',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'lienthong',
    KAFKA_SASL_PASSWORD: 'a-password',
  };

  it('connects in clear without SASL when nothing is set', () => {
    expect(sut({})).toEqual({ ssl: false, sasl: undefined });
  });

  it('verifies the brokers against the CA file and logs in with SCRAM', () => {
    const { ssl, sasl } = sut({ ...scram, KAFKA_SSL_CA_FILE: caFile });
    expect(ssl).toEqual({ rejectUnauthorized: true, ca: [Buffer.from('-----BEGIN CERTIFICATE-----\n')] });
    expect(sasl).toEqual({ mechanism: 'scram-sha-512', username: 'lienthong', password: 'a-password' });
  });

  it('refuses an unknown mechanism, naming the key', () => {
    expect(() => sut({ ...scram, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
  });

  it('refuses a mechanism without a user name or password, naming each key', () => {
    expect(() => sut({ ...scram, KAFKA_SASL_PASSWORD: '' })).toThrow(/KAFKA_SASL_PASSWORD \(required/);
    expect(() => sut({ ...scram, KAFKA_SASL_USERNAME: '' })).toThrow(/KAFKA_SASL_USERNAME \(required/);
  });

  it('refuses credentials without a mechanism, and PLAIN without TLS', () => {
    expect(() => sut({ KAFKA_SASL_PASSWORD: 'a-password' })).toThrow(/KAFKA_SASL_PASSWORD \(set, but/);
    expect(() => sut({ ...scram, KAFKA_SSL: 'false', KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_MECHANISM \(plain sends the password in clear/,
    );
  });

  it('refuses a CA file it cannot read, or one set without TLS', () => {
    expect(() => sut({ ...scram, KAFKA_SSL_CA_FILE: join(dir, 'missing.crt') })).toThrow(
      /KAFKA_SSL_CA_FILE \(cannot read .*ENOENT/,
    );
    expect(() => sut({ KAFKA_SSL_CA_FILE: caFile })).toThrow(
      /KAFKA_SSL_CA_FILE \(set, but KAFKA_SSL is false/,
    );
  });

  describe('with NODE_ENV=production', () => {
    const nodeEnv = process.env.NODE_ENV;
    beforeEach(() => (process.env.NODE_ENV = 'production'));
    afterEach(() => (process.env.NODE_ENV = nodeEnv));

    it('refuses Kafka in clear or without authentication, naming the keys', () => {
      expect(() => sut({})).toThrow(/KAFKA_SSL \(must be true.*KAFKA_SASL_MECHANISM \(required/);
      expect(() => sut({ ...scram, KAFKA_SSL: 'false' })).toThrow(/KAFKA_SSL \(must be true/);
    });

    it('takes TLS with SCRAM, or mutual TLS', () => {
      expect(sut(scram).sasl).toMatchObject({ mechanism: 'scram-sha-512' });
      const mutual = { KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: caFile, KAFKA_SSL_KEY_FILE: caFile };
      expect(sut(mutual).ssl).toMatchObject({ cert: expect.any(Buffer) });
    });
  });

  it('needs both halves of a client certificate', () => {
    expect(() => sut({ ...scram, KAFKA_SSL_CERT_FILE: caFile })).toThrow(/KAFKA_SSL_KEY_FILE \(mutual TLS/);
    expect(sut({ ...scram, KAFKA_SSL_CERT_FILE: caFile, KAFKA_SSL_KEY_FILE: caFile }).ssl).toMatchObject({
      cert: expect.any(Buffer),
      key: expect.any(Buffer),
    });
  });
});
