import { num, port, type ConfigOf } from '@lienthong/config';
import { faultPlan, NO_FAULTS } from '../faults';
import { sandboxGatewayConfigSpec } from '../gateway';

export const documentsSandboxConfigSpec = {
  DOCUMENTS_SANDBOX_PORT: port({
    default: 8083,
    desc: 'Port of the document-exchange (edXML) sandbox on 127.0.0.1',
  }),
  DOCUMENTS_SANDBOX_STATUS_DELAY_MS: num({
    default: 1_000,
    desc: 'Time the sandbox receiver takes for each step after a package arrives: 03 registered, then 06 done',
  }),
  DOCUMENTS_SANDBOX_MAX_PACKAGE_BYTES: num({
    default: 20 * 1024 * 1024,
    desc: 'Largest package the sandbox accepts; larger ones are refused with HTTP 413',
  }),
  DOCUMENTS_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop"],"latencyMs":0,"timeoutMs":15000}',
  }),
  ...sandboxGatewayConfigSpec('DOCUMENTS'),
};

export type DocumentsSandboxConfig = ConfigOf<typeof documentsSandboxConfigSpec>;

/** Injection token of the documents sandbox's settings, read once by the app. */
export const DOCUMENTS_SANDBOX_CONFIG = Symbol('DOCUMENTS_SANDBOX_CONFIG');
