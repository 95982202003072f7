import { ConfigError, secret, str, type ConfigOf } from '@lienthong/config';
import type { LgspKeys } from './lgsp-access-token';

export const GATEWAY_AUTHS = ['none', 'oauth2', 'lgsp'] as const;
export type GatewayAuth = (typeof GATEWAY_AUTHS)[number];

/**
 * The gateway settings of one connector, before `<PREFIX>_GATEWAY_` and upper case make their keys
 * (written in lower case here so that no bare AUTH or TOKEN_URL is taken for a key of its own).
 */
const gatewayFields = () => ({
  auth: str({
    choices: GATEWAY_AUTHS,
    default: 'none',
    example: 'oauth2',
    desc: 'How calls pass the LGSP/NGSP gateway in front of the target: none (direct), oauth2 (WSO2 client-credentials token sent as Bearer), lgsp (VNPT-style lgspaccesstoken header)',
  }),
  token_url: str({
    default: '',
    example: 'https://api.ngsp.gov.vn/token',
    desc: 'oauth2: the gateway token endpoint (POST, form grant_type=client_credentials, Basic client id:secret)',
  }),
  client_id: str({
    default: '',
    desc: 'oauth2: consumer key the gateway operator issued to this connector',
  }),
  client_secret: secret({
    default: '',
    optional: true,
    desc: 'oauth2: consumer secret that goes with the consumer key; sent only to the token endpoint, never logged',
  }),
  token_header: str({
    default: 'Authorization',
    example: 'X-Gateway-Authorization',
    desc: 'oauth2: header that carries "Bearer <token>"; another name only when the gateway was set up to read one (the population service signs its own Authorization header)',
  }),
  lgsp_access_key: str({ default: '', desc: 'lgsp: AccessKey the gateway operator issued' }),
  lgsp_secret_key: secret({
    default: '',
    optional: true,
    desc: 'lgsp: SecretKey that goes with the AccessKey; never logged',
  }),
  lgsp_app_name: str({ default: '', desc: 'lgsp: AppName this integration is registered as' }),
  lgsp_partner_code: str({ default: '', desc: "lgsp: PartnerCode (usually the city's agency code)" }),
  lgsp_partner_code_cus: str({
    default: '',
    desc: 'lgsp: PartnerCodeCus, the customer partner code, when the gateway asks for one',
  }),
});

type GatewayFields = ReturnType<typeof gatewayFields>;

export type GatewayConfigSpec<P extends string> = {
  [K in keyof GatewayFields as `${P}_GATEWAY_${Uppercase<K & string>}`]: GatewayFields[K];
};

export type GatewayConfig<P extends string> = ConfigOf<GatewayConfigSpec<P>>;

/** The gateway keys of one connector: `gatewayConfigSpec('PORTAL')` gives PORTAL_GATEWAY_AUTH, … */
export function gatewayConfigSpec<P extends string>(prefix: P): GatewayConfigSpec<P> {
  return Object.fromEntries(
    Object.entries(gatewayFields()).map(([field, spec]) => [
      `${prefix}_GATEWAY_${field.toUpperCase()}`,
      spec,
    ]),
  ) as GatewayConfigSpec<P>;
}

export interface OAuth2Gateway {
  auth: 'oauth2';
  prefix: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  tokenHeader: string;
}

export interface LgspGateway {
  auth: 'lgsp';
  prefix: string;
  keys: LgspKeys;
}

export type GatewaySettings = { auth: 'none' } | OAuth2Gateway | LgspGateway;

const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * The gateway a connector's calls pass, checked together (a field alone cannot say that oauth2 needs a
 * token URL): a missing or bad key stops the start-up with a ConfigError naming it. A config without
 * the gateway keys (a client built in a test) goes direct.
 */
export function gatewayOf<P extends string>(prefix: P, config: Partial<GatewayConfig<P>>): GatewaySettings {
  const values = config as Partial<Record<string, string>>;
  const key = (field: keyof GatewayFields) => `${prefix}_GATEWAY_${field.toUpperCase()}`;
  const read = (field: keyof GatewayFields) => values[key(field)]?.trim() ?? '';
  const auth = (read('auth') || 'none') as GatewayAuth;
  const bad: Record<string, string> = {};
  const require = (...fields: (keyof GatewayFields)[]) => {
    for (const field of fields) if (!read(field)) bad[key(field)] = `required with ${key('auth')}=${auth}`;
  };
  switch (auth) {
    case 'none':
      return { auth };
    case 'oauth2': {
      require('token_url', 'client_id', 'client_secret', 'token_header');
      if (read('token_url') && !isHttpUrl(read('token_url'))) bad[key('token_url')] = 'not an http(s) URL';
      if (Object.keys(bad).length > 0) throw new ConfigError(bad);
      return {
        auth,
        prefix,
        tokenUrl: read('token_url'),
        clientId: read('client_id'),
        clientSecret: values[key('client_secret')] ?? '',
        tokenHeader: read('token_header'),
      };
    }
    case 'lgsp':
      require('lgsp_access_key', 'lgsp_secret_key');
      if (Object.keys(bad).length > 0) throw new ConfigError(bad);
      return {
        auth,
        prefix,
        keys: {
          accessKey: read('lgsp_access_key'),
          secretKey: values[key('lgsp_secret_key')] ?? '',
          appName: read('lgsp_app_name'),
          partnerCode: read('lgsp_partner_code'),
          partnerCodeCus: read('lgsp_partner_code_cus'),
        },
      };
    default:
      throw new ConfigError({ [key('auth')]: `one of ${GATEWAY_AUTHS.join(', ')}` });
  }
}
