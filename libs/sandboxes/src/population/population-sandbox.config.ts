import { num, port, str, type ConfigOf } from '@lienthong/config';
import { faultPlan, NO_FAULTS } from '../faults';

export const populationSandboxConfigSpec = {
  POPULATION_SANDBOX_PORT: port({
    default: 8082,
    desc: 'Port of the population-database sandbox on 127.0.0.1',
  }),
  POPULATION_SANDBOX_USERNAME: str({ default: 'lienthong', desc: 'Gateway account the sandbox accepts' }),
  POPULATION_SANDBOX_SECRET: str({
    default: 'lienthong-secret',
    desc: 'Secret the sandbox checks request signatures with',
  }),
  POPULATION_SANDBOX_API_KEY: str({
    default: 'lienthong-api-key',
    desc: 'ApiKey header the sandbox accepts',
  }),
  POPULATION_SANDBOX_CLIENT: str({
    default: 'VN/GOV/000.00.00.H26/LIENTHONG',
    desc: 'X-Road-Client the sandbox accepts',
  }),
  POPULATION_SANDBOX_MAX_SKEW_S: num({
    default: 300,
    desc: 'How far a request Timestamp may be from the sandbox clock, in seconds (replay protection)',
  }),
  POPULATION_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop"],"latencyMs":0,"timeoutMs":15000}',
  }),
};

export type PopulationSandboxConfig = ConfigOf<typeof populationSandboxConfigSpec>;
