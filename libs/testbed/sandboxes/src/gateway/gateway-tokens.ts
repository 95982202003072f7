import { randomBytes, timingSafeEqual } from 'node:crypto';

/** What a WSO2-style gateway answers at POST /token (DOMAIN.md, "Government service gateways"). */
export interface TokenAnswer {
  access_token: string;
  scope: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The client credentials of a token request: `Authorization: Basic base64(key:secret)`, or
 * `client_id`/`client_secret` in the form (some gateways accept both).
 */
export function clientCredentialsOf(
  authorization: string | undefined,
  form: Record<string, unknown>,
): ClientCredentials | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(authorization?.trim() ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  const { client_id: clientId, client_secret: clientSecret } = form;
  if (typeof clientId === 'string' && typeof clientSecret === 'string') return { clientId, clientSecret };
  return undefined;
}

/** The gateway in front of the platform: issues client-credentials tokens and checks them on each call. */
export class GatewayTokens {
  private readonly expiries = new Map<string, number>();
  issued = 0;

  constructor(
    private readonly client: ClientCredentials,
    private readonly expiresInS: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token, or undefined when the credentials are not the registered client's. */
  issue(credentials: ClientCredentials): TokenAnswer | undefined {
    const known =
      sameText(credentials.clientId, this.client.clientId) &&
      sameText(credentials.clientSecret, this.client.clientSecret);
    if (!known) return undefined;
    const token = randomBytes(24).toString('hex');
    this.expiries.set(token, this.now() + this.expiresInS * 1000);
    this.issued++;
    return {
      access_token: token,
      scope: 'am_application_scope default',
      token_type: 'Bearer',
      expires_in: this.expiresInS,
    };
  }

  /** Whether `Authorization: Bearer <token>` carries a token this gateway issued and that has not expired. */
  accepts(authorization: string | undefined): boolean {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    const expiry = bearer ? this.expiries.get(bearer[1]) : undefined;
    return expiry !== undefined && this.now() < expiry;
  }

  /** Every token issued so far expires now (a gateway restart, or a test of the client's renewal). */
  expireAll(): void {
    for (const token of this.expiries.keys()) this.expiries.set(token, 0);
  }
}
