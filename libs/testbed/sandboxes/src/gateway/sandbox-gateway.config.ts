import { num, secret, str, type ConfigOf } from '@lienthong/config';

export const SANDBOX_GATEWAY_MODES = ['none', 'oauth2', 'lgsp'] as const;
export type SandboxGatewayMode = (typeof SANDBOX_GATEWAY_MODES)[number];

/**
 * The gateway a sandbox sits behind, before `<PREFIX>_SANDBOX_` and upper case make its keys (lower
 * case here so that no bare GATEWAY is taken for a key of its own).
 */
const sandboxGatewayFields = () => ({
  gateway: str({
    choices: SANDBOX_GATEWAY_MODES,
    default: 'none',
    example: 'oauth2',
    desc: 'Sit behind an LGSP/NGSP gateway: oauth2 requires Bearer <token> from POST /token (client_credentials), lgsp a valid lgspaccesstoken header; anything else gets 401',
  }),
  gateway_client_id: str({
    default: 'lienthong',
    desc: 'oauth2: consumer key the sandbox gateway accepts at POST /token (Basic auth or client_id)',
  }),
  gateway_client_secret: secret({
    default: 'lienthong-gateway-secret',
    desc: 'oauth2: consumer secret the sandbox gateway accepts at POST /token (Basic auth or client_secret)',
  }),
  gateway_token_expires_s: num({
    default: 3600,
    desc: 'oauth2: expires_in of an issued token; an expired token gets 401 (POST /_sandbox/gateway/expire expires all now)',
  }),
  gateway_token_header: str({
    default: 'authorization',
    example: 'x-gateway-authorization',
    desc: 'oauth2: header read for Bearer <token> (another one when the service behind needs Authorization itself)',
  }),
  gateway_lgsp_access_key: str({
    default: 'lienthong-access-key',
    desc: 'lgsp: AccessKey the sandbox gateway accepts',
  }),
  gateway_lgsp_secret_key: secret({
    default: 'lienthong-lgsp-secret',
    desc: 'lgsp: SecretKey the sandbox gateway accepts with the AccessKey',
  }),
});

type SandboxGatewayFields = ReturnType<typeof sandboxGatewayFields>;

export type SandboxGatewayConfigSpec<P extends string> = {
  [K in keyof SandboxGatewayFields as `${P}_SANDBOX_${Uppercase<K & string>}`]: SandboxGatewayFields[K];
};

/** The gateway keys of one sandbox: `sandboxGatewayConfigSpec('PORTAL')` gives PORTAL_SANDBOX_GATEWAY, … */
export function sandboxGatewayConfigSpec<P extends string>(prefix: P): SandboxGatewayConfigSpec<P> {
  return Object.fromEntries(
    Object.entries(sandboxGatewayFields()).map(([field, spec]) => [
      `${prefix}_SANDBOX_${field.toUpperCase()}`,
      spec,
    ]),
  ) as SandboxGatewayConfigSpec<P>;
}

export interface SandboxGatewaySettings {
  mode: SandboxGatewayMode;
  clientId: string;
  clientSecret: string;
  tokenExpiresS: number;
  tokenHeader: string;
  lgspAccessKey: string;
  lgspSecretKey: string;
}

/** The settings of one sandbox's gateway, read from its validated config. */
export function sandboxGatewayOf<P extends string>(
  prefix: P,
  config: ConfigOf<SandboxGatewayConfigSpec<P>>,
): SandboxGatewaySettings {
  const values = config as unknown as Record<string, string | number>;
  const read = (field: keyof SandboxGatewayFields) => values[`${prefix}_SANDBOX_${field.toUpperCase()}`];
  return {
    mode: read('gateway') as SandboxGatewayMode,
    clientId: String(read('gateway_client_id')),
    clientSecret: String(read('gateway_client_secret')),
    tokenExpiresS: Number(read('gateway_token_expires_s')),
    tokenHeader: String(read('gateway_token_header')).toLowerCase(),
    lgspAccessKey: String(read('gateway_lgsp_access_key')),
    lgspSecretKey: String(read('gateway_lgsp_secret_key')),
  };
}
