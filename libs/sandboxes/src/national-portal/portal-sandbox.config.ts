import { num, port, str, type ConfigOf } from '@lienthong/config';

export const portalSandboxConfigSpec = {
  PORTAL_SANDBOX_PORT: port({ default: 8081, desc: 'Port of the national-portal sandbox on 127.0.0.1' }),
  PORTAL_SANDBOX_USERNAME: str({ default: 'lienthong', desc: 'Account the sandbox accepts at /login' }),
  PORTAL_SANDBOX_PASSWORD: str({ default: 'lienthong', desc: 'Password the sandbox accepts at /login' }),
  PORTAL_SANDBOX_SESSION_TTL_S: num({ default: 1800, desc: 'Seconds before a sandbox session expires' }),
};

export type PortalSandboxConfig = ConfigOf<typeof portalSandboxConfigSpec>;
