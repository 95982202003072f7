import { num, secret, str, url, type ConfigOf } from '@lienthong/config';
import { gatewayConfigSpec, targetHttpConfigSpec } from '@lienthong/connector-runtime';

export const portalConfigSpec = {
  ...targetHttpConfigSpec,
  ...gatewayConfigSpec('PORTAL'),
  PORTAL_URL: url({
    default: 'http://127.0.0.1:8081',
    desc: 'Base URL of the National Public Service Portal API (login and service)',
  }),
  PORTAL_USERNAME: str({ default: 'lienthong', desc: 'Portal integration account' }),
  PORTAL_PASSWORD: secret({ default: 'lienthong', desc: 'Portal integration password' }),
  PORTAL_UNIT_CODE: str({
    default: '000.00.00.H26',
    desc: 'madonvi: the city unit code the portal knows this integration by',
  }),
  PORTAL_DSTCODE: str({ default: '000.00.00.H26', desc: 'dstcode header sent on every service call' }),
  PORTAL_TIMEOUT_MS: num({ default: 10_000, desc: 'Timeout of one portal call' }),
};

export type PortalConfig = ConfigOf<typeof portalConfigSpec>;
