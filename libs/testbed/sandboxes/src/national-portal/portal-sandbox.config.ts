import { num, port, str, type ConfigOf } from '@lienthong/config';
import { faultPlan, NO_FAULTS } from '../faults';
import { sandboxGatewayConfigSpec } from '../gateway';
import { ERROR_CODE_STYLES } from './portal-sandbox.contract';

export const portalSandboxConfigSpec = {
  PORTAL_SANDBOX_PORT: port({ default: 8081, desc: 'Port of the national-portal sandbox on 127.0.0.1' }),
  PORTAL_SANDBOX_USERNAME: str({ default: 'lienthong', desc: 'Account the sandbox accepts at /login' }),
  PORTAL_SANDBOX_PASSWORD: str({ default: 'lienthong', desc: 'Password the sandbox accepts at /login' }),
  PORTAL_SANDBOX_SESSION_TTL_S: num({ default: 1800, desc: 'Seconds before a sandbox session expires' }),
  PORTAL_SANDBOX_ERROR_CODES: str({
    choices: ERROR_CODE_STYLES,
    default: 'string',
    example: 'number',
    desc: 'How error_code is written: "string" as real portals do ("0", "-1", "3"), "number" as older gateways do (0, 1, 2, 3)',
  }),
  PORTAL_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop","html"],"latencyMs":0,"timeoutMs":15000}',
  }),
  ...sandboxGatewayConfigSpec('PORTAL'),
};

export type PortalSandboxConfig = ConfigOf<typeof portalSandboxConfigSpec>;

/** Injection token of the portal sandbox's settings, read once by the app. */
export const PORTAL_SANDBOX_CONFIG = Symbol('PORTAL_SANDBOX_CONFIG');
