import type { AxiosInstance } from 'axios';
import { ClientCredentialsToken } from './client-credentials-token';
import type { LgspGateway, OAuth2Gateway } from './gateway.config';
import { LGSP_HEADER, lgspAccessToken } from './lgsp-access-token';

/** What a call carries to pass the gateway, in one header. */
export interface GatewayCredential {
  readonly header: string;
  /** Which keys an operator checks when the gateway keeps refusing. */
  readonly keysToCheck: string;
  /** The header value for the next call. */
  value(): Promise<string>;
  /** A fresh value after the gateway refused `refused` with 401, or undefined when none can be had. */
  renewed(refused: string): Promise<string | undefined>;
}

const BEARER = 'Bearer ';

/** oauth2: `Bearer <token>` from the gateway's token endpoint, called through `tokenHttp`. */
export function bearerCredential(gateway: OAuth2Gateway, tokenHttp: AxiosInstance): GatewayCredential {
  const token = new ClientCredentialsToken(gateway, tokenHttp);
  const { prefix } = gateway;
  return {
    header: gateway.tokenHeader,
    keysToCheck: `${prefix}_GATEWAY_CLIENT_ID, ${prefix}_GATEWAY_CLIENT_SECRET and the subscription of this application to the API at the gateway`,
    value: async () => BEARER + (await token.current()),
    renewed: async (refused) => BEARER + (await token.renew(refused.slice(BEARER.length))),
  };
}

/** lgsp: a fixed header made of the keys; nothing to renew. */
export function lgspCredential(gateway: LgspGateway): GatewayCredential {
  const header = lgspAccessToken(gateway.keys);
  const { prefix } = gateway;
  return {
    header: LGSP_HEADER,
    keysToCheck: `${prefix}_GATEWAY_LGSP_ACCESS_KEY, ${prefix}_GATEWAY_LGSP_SECRET_KEY, ${prefix}_GATEWAY_LGSP_APP_NAME and ${prefix}_GATEWAY_LGSP_PARTNER_CODE with the gateway operator`,
    value: () => Promise.resolve(header),
    renewed: () => Promise.resolve(undefined),
  };
}
