import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** docker-compose.yml read as Compose reads it (YAML merge keys), checked for what one host needs. */
interface Service {
  command?: string[];
  profiles?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  environment?: Record<string, string | number>;
  env_file?: { path: string }[];
  volumes?: string[];
}

const root = join(__dirname, '..', '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = Object.entries(compose.services);
const apps = services.filter(([, service]) => service.command?.[0] === 'node');
const CREDENTIAL = /PASSWORD|SECRET|TOKEN|API_KEY|AUDIT_KEY/;

describe('docker-compose.yml', () => {
  it('starts every app from its compiled entry point in the image', () => {
    expect(apps.map(([name]) => name).sort()).toEqual(
      [
        'connector-documents',
        'connector-national-portal',
        'connector-population',
        'console',
        'hub',
        'sandbox-documents',
        'sandbox-national-portal',
        'sandbox-population',
        'simulator',
      ].sort(),
    );
    for (const [name, service] of apps) {
      expect(service.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
      if (name === 'console' && !existsSync(join(root, 'apps', 'console'))) continue; // being built beside this
      expect(existsSync(join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
  });

  it('checks the health of every app that serves HTTP, through the script the image carries', () => {
    for (const [name, service] of apps.filter(([name]) => name !== 'simulator')) {
      expect([name, service.healthcheck?.test.slice(0, 3)]).toEqual([
        name,
        ['CMD', 'node', 'scripts/healthcheck.js'],
      ]);
    }
    expect(existsSync(join(root, 'scripts', 'healthcheck.js'))).toBe(true);
  });

  it('publishes no host port on a service that scales out: only the console, Prometheus and Grafana', () => {
    const published = services.filter(([, service]) => service.ports).map(([name]) => name);
    expect(published.sort()).toEqual(['console', 'grafana', 'prometheus']);
  });

  it('keeps the sandboxes and the simulator in the sandbox profile, brokers 2 and 3 in kafka-cluster', () => {
    for (const [name, service] of services) {
      if (/^sandbox-|^simulator$/.test(name)) expect([name, service.profiles]).toEqual([name, ['sandbox']]);
      if (/^kafka-\d$/.test(name)) expect([name, service.profiles]).toEqual([name, ['kafka-cluster']]);
    }
    for (const name of ['hub', 'connector-national-portal', 'console', 'kafka', 'postgres']) {
      expect(compose.services[name].profiles).toBeUndefined();
    }
  });

  it('takes secrets from the .env file, never from a literal in the file', () => {
    for (const [name, service] of apps) {
      expect([name, service.env_file?.map((file) => file.path)]).toEqual([name, ['.env']]);
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (CREDENTIAL.test(key) || key === 'DATABASE_URL') {
          expect([name, key, String(value)]).toEqual([name, key, expect.stringMatching(/\$\{[A-Z_]+:\?/)]);
        }
      }
    }
    const example = readFileSync(join(root, 'deploy', 'compose', 'env.example'), 'utf8');
    for (const key of [
      'POSTGRES_PASSWORD',
      'PORTAL_PASSWORD',
      'POPULATION_SECRET',
      'AUDIT_KEY',
      'KAFKA_SASL_PASSWORD',
      'KAFKA_ADMIN_PASSWORD',
    ]) {
      expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
    }
  });

  it('runs Kafka with TLS and SASL SCRAM-SHA-512 only, and every app verifies and logs in', () => {
    for (const [name, service] of apps) {
      expect([name, service.environment]).toEqual([
        name,
        expect.objectContaining({
          KAFKA_SSL: 'true',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SSL_CA_FILE: '/etc/lienthong/kafka-tls/ca.crt',
        }),
      ]);
    }
    const brokers = services.filter(([name]) => /^kafka(-\d)?$/.test(name));
    expect(brokers).toHaveLength(3);
    for (const [name, broker] of brokers) {
      const [, script] = broker.command ?? [];
      const mounted = (broker.volumes ?? []).find((volume) => volume.endsWith(`:${script}:ro`));
      expect([name, mounted]).toEqual([name, expect.any(String)]);
      const config = readFileSync(join(root, mounted!.split(':')[0]), 'utf8');
      expect(config).toMatch(/^listeners=SASL_SSL:\/\/0\.0\.0\.0:9092,CONTROLLER:\/\/0\.0\.0\.0:9093$/m);
      expect(config).toMatch(/^listener\.security\.protocol\.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL$/m);
      expect(config).toMatch(/^sasl\.enabled\.mechanisms=SCRAM-SHA-512$/m);
      expect(config).not.toMatch(/PLAINTEXT/);
      expect(JSON.stringify(broker.environment)).not.toMatch(/PLAINTEXT/);
    }
  });

  it('mounts monitoring files that exist', () => {
    for (const name of ['prometheus', 'grafana']) {
      for (const volume of compose.services[name].volumes ?? []) {
        const [source] = volume.split(':');
        if (source.startsWith('./')) expect([volume, existsSync(join(root, source))]).toEqual([volume, true]);
      }
    }
  });
});
