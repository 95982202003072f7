import { num, port, str, type ConfigOf } from '@lienthong/config';
import { faultPlan, NO_FAULTS } from '../faults';
import { sandboxGatewayConfigSpec } from '../gateway';
import { ANSWER_STYLES, NAME_STYLES } from './gateway.contract';

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
  POPULATION_SANDBOX_ANSWER_STYLE: str({
    choices: ANSWER_STYLES,
    default: 'real',
    desc: 'How the sandbox answers: real (as DOMAIN.md shows a real gateway: pretty-printed, the CongdanCollection directly under the SOAP Body, empty elements written <ns1:X/>) or wrapped (an older gateway: compact, a TraCuuThongTinCongDanResponse wrapper, the collection in the default namespace)',
    example: 'wrapped',
  }),
  POPULATION_SANDBOX_NAME_STYLE: str({
    choices: NAME_STYLES,
    default: 'mixed',
    desc: "Where a record's name is: split (Ho, ChuDem, Ten), whole-in-ten (the whole name upper case in Ten, Ho and ChuDem empty, as some gateways answer) or mixed (every third registry citizen, CITIZENS[0], [3], [6]…, whole in Ten)",
    example: 'whole-in-ten',
  }),
  POPULATION_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop"],"latencyMs":0,"timeoutMs":15000}',
  }),
  ...sandboxGatewayConfigSpec('POPULATION'),
};

export type PopulationSandboxConfig = ConfigOf<typeof populationSandboxConfigSpec>;

/** Injection token of the population sandbox's settings, read once by the app. */
export const POPULATION_SANDBOX_CONFIG = Symbol('POPULATION_SANDBOX_CONFIG');
