import { clientCredentialsOf, GatewayTokens, type TokenAnswer } from './gateway-tokens';
import { lgspHeaderAdmits } from './lgsp-access-check';
import type { SandboxGatewaySettings } from './sandbox-gateway.config';

export const LGSP_HEADER = 'lgspaccesstoken';

export interface GatewayCheckCounts {
  mode: SandboxGatewaySettings['mode'];
  /** Tokens issued at POST /token. */
  issued: number;
  /** Calls refused with 401. */
  refused: number;
  /** Distinct tokens calls were admitted with. */
  tokensUsed: number;
}

/**
 * The LGSP/NGSP gateway in front of a sandbox: issues client-credentials tokens (the payment sandbox's
 * WSO2-like token store) and decides whether a call passes.
 */
export class GatewayCheck {
  private readonly tokens: GatewayTokens;
  private readonly used = new Set<string>();
  private refused = 0;

  constructor(private readonly settings: SandboxGatewaySettings) {
    this.tokens = new GatewayTokens(
      { clientId: settings.clientId, clientSecret: settings.clientSecret },
      settings.tokenExpiresS,
    );
  }

  get mode(): SandboxGatewaySettings['mode'] {
    return this.settings.mode;
  }

  /** A token for the client credentials of a POST /token, or undefined when they are not the client's. */
  issue(authorization: string | undefined, form: Record<string, unknown>): TokenAnswer | undefined {
    const credentials = clientCredentialsOf(authorization, form);
    return credentials && this.tokens.issue(credentials);
  }

  /** Whether a call with these (lower-case) headers passes the gateway; a refused one is counted. */
  admits(headers: Record<string, string | string[] | undefined>): boolean {
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const admitted = this.check(header);
    if (!admitted) this.refused++;
    return admitted;
  }

  /** Every token issued so far expires now, as a gateway restart does. */
  expireAll(): void {
    this.tokens.expireAll();
  }

  get counts(): GatewayCheckCounts {
    return { mode: this.mode, issued: this.tokens.issued, refused: this.refused, tokensUsed: this.used.size };
  }

  private check(header: (name: string) => string | undefined): boolean {
    switch (this.settings.mode) {
      case 'none':
        return true;
      case 'oauth2': {
        const bearer = header(this.settings.tokenHeader);
        if (!this.tokens.accepts(bearer)) return false;
        this.used.add(String(bearer));
        return true;
      }
      case 'lgsp':
        return lgspHeaderAdmits(
          header(LGSP_HEADER),
          this.settings.lgspAccessKey,
          this.settings.lgspSecretKey,
        );
    }
  }
}
