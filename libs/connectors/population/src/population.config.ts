import { pseudonymKeySpec } from '@lienthong/personal-data';
import { num, port, secret, str, url, type ConfigOf } from '@lienthong/config';
import { gatewayConfigSpec, targetHttpConfigSpec } from '@lienthong/connector-runtime';

export const populationConfigSpec = {
  ...targetHttpConfigSpec,
  ...gatewayConfigSpec('POPULATION'),
  POPULATION_URL: url({
    default: 'http://127.0.0.1:8082/dancuquocgia',
    desc: 'SOAP endpoint URL of the population database (data-exchange platform or provincial gateway); the signature covers it as written',
  }),
  POPULATION_USERNAME: str({
    default: 'lienthong',
    desc: 'Gateway account: the user in the Authorization header',
  }),
  POPULATION_SECRET: secret({
    default: 'lienthong-secret',
    desc: 'Gateway secret the request signature is made with; never sent, never logged',
  }),
  POPULATION_API_KEY: secret({ default: 'lienthong-api-key', desc: 'ApiKey header the gateway issued' }),
  POPULATION_CLIENT: str({
    default: 'VN/GOV/000.00.00.H26/LIENTHONG',
    desc: 'X-Road-Client header: the member/subsystem this integration is registered as',
  }),
  POPULATION_OFFICER: str({
    default: 'LIENTHONG',
    desc: 'MaCanBo sent and audited for automatic verifications (the integration account, not a person)',
  }),
  POPULATION_TIMEOUT_MS: num({ default: 10_000, desc: 'Timeout of one population-database call' }),
  POPULATION_CACHE_TTL_S: num({
    default: 3600,
    desc: 'Seconds an answer is reused for the same person, name and birth date (0 turns the cache off)',
  }),
  POPULATION_CACHE_MAX: num({ default: 10_000, desc: 'Most answers kept in the cache' }),
  ...pseudonymKeySpec,
};

export const populationConnectorOwnSpec = {
  ...populationConfigSpec,
  POPULATION_CONNECTOR_HTTP_PORT: port({
    default: 8092,
    desc: 'Port of the population connector /health and /metrics',
  }),
  POPULATION_AUDIT_RETENTION_DAYS: num({
    default: 1825,
    desc: 'Days the audit log of population-database lookups keeps each lookup (who asked about whom, why); older rows are pruned every hour (0 = keep forever)',
  }),
};

export type PopulationConfig = ConfigOf<typeof populationConfigSpec>;
