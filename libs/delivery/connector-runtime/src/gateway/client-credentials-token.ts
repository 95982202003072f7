import { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { RetriableError, TargetAccessError } from '../errors';
import type { OAuth2Gateway } from './gateway.config';

/** WSO2's usual lifetime, for an answer that does not say. */
export const DEFAULT_EXPIRES_IN_S = 3600;
/** A token is renewed this long before it runs out (a tenth of a shorter lifetime), so no call carries a dying one. */
export const RENEW_BEFORE_EXPIRY_MS = 60_000;

interface CachedToken {
  value: string;
  renewAt: number;
}

function lifetimeMs(expiresIn: unknown): number {
  const seconds = Number(expiresIn);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_EXPIRES_IN_S) * 1000;
}

/** An OAuth2 error code (`invalid_client`) is safe to quote; any other body is not read into a message. */
const oauthError = (data: unknown): string => {
  const code = (data as { error?: unknown } | undefined)?.error;
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? ` ${code}` : '';
};

/**
 * The WSO2 client-credentials token of one connector: fetched on first use, cached until shortly
 * before `expires_in` runs out, renewed when the gateway refuses it. Concurrent calls share one fetch.
 * Neither the token nor the secret ever enters an error: a failed token call's axios error, which
 * carries the Basic credentials, is described, not kept as a cause.
 */
export class ClientCredentialsToken {
  private cached?: CachedToken;
  private fetching?: Promise<string>;

  constructor(
    private readonly gateway: OAuth2Gateway,
    private readonly http: AxiosInstance,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token, or a fresh one when there is none or it is about to run out. */
  async current(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    return this.fetchShared();
  }

  /** A fresh token after the gateway refused `refused`, unless a concurrent call already replaced it. */
  async renew(refused: string): Promise<string> {
    if (this.cached?.value === refused) this.cached = undefined;
    return this.current();
  }

  private fetchShared(): Promise<string> {
    this.fetching ??= this.fetch().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetch(): Promise<string> {
    const fetchedAt = this.now();
    const answer = await this.post();
    const token = (answer.data as { access_token?: unknown } | undefined)?.access_token;
    if (answer.status !== 200 || typeof token !== 'string' || token === '') throw this.refusal(answer);
    const lifetime = lifetimeMs((answer.data as { expires_in?: unknown }).expires_in);
    const margin = Math.min(RENEW_BEFORE_EXPIRY_MS, lifetime / 10);
    this.cached = { value: token, renewAt: fetchedAt + lifetime - margin };
    return token;
  }

  private async post(): Promise<AxiosResponse<unknown>> {
    const { tokenUrl, clientId, clientSecret } = this.gateway;
    try {
      return await this.http.post<unknown>(tokenUrl, 'grant_type=client_credentials', {
        headers: {
          Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        responseType: 'json',
        validateStatus: () => true,
      });
    } catch (error) {
      const reason = isAxiosError(error) ? `${error.code ?? 'NETWORK'}: ${error.message}` : String(error);
      throw new RetriableError('GATEWAY_TOKEN_UNREACHABLE', `${this.where()} unreachable (${reason})`);
    }
  }

  /**
   * Refused credentials or a token URL that is no token endpoint hold the connector until an operator
   * fixes them; anything else (5xx, 429, a proxy's page instead of a token) may pass.
   */
  private refusal({ status, data }: AxiosResponse<unknown>): RetriableError {
    const answered = `${this.where()} answered HTTP ${status}${oauthError(data)}`;
    const { prefix } = this.gateway;
    if (status === 400 || status === 401 || status === 403) {
      return new TargetAccessError(
        'GATEWAY_TOKEN_REFUSED',
        `${answered}: the client credentials were refused; check ${prefix}_GATEWAY_CLIENT_ID and ${prefix}_GATEWAY_CLIENT_SECRET with the gateway operator`,
      );
    }
    if (status === 404 || status === 405) {
      return new TargetAccessError(
        'GATEWAY_TOKEN_URL',
        `${answered}: no token endpoint there; check ${prefix}_GATEWAY_TOKEN_URL`,
      );
    }
    return new RetriableError(`GATEWAY_TOKEN_HTTP_${status}`, `${answered} without an access_token`);
  }

  private where(): string {
    return `the ${this.gateway.prefix} gateway token endpoint ${this.gateway.tokenUrl}`;
  }
}
