import { consoleHttp } from '@lienthong/console';
import { portalConnectorDefinition } from '@lienthong/national-portal';
import axios, { type AxiosInstance } from 'axios';
import { connectorApp, consoleApp } from './app-modules';
import { LienthongHarness } from './lienthong-harness';

export const ADMIN_TOKEN = 'lt_e2e-admin-token-0123456789abcdefghijklmnop';

/** One short retry level and short timeouts: an event the portal keeps failing is dead-lettered in seconds. */
export const FAST_DEAD_LETTERS = {
  CONNECTOR_RETRY_DELAYS_S: '1',
  CONNECTOR_MAX_ATTEMPTS: '2',
  CONNECTOR_BACKOFF_INITIAL_MS: '100',
  CONNECTOR_BACKOFF_MAX_MS: '200',
  PORTAL_TIMEOUT_MS: '1000',
};

/** The whole flow (portal sandbox, connector, hub) and the console over it, isolated for one test file. */
export class ConsoleHarness extends LienthongHarness {
  consoleUrl!: string;

  /** Starts the console with the run's settings and an admin token from the environment. */
  async startConsole(overrides: Record<string, string> = {}): Promise<this> {
    const running = await this.launch(
      'console',
      consoleApp(
        this.env({ CONSOLE_ADMIN_TOKEN: ADMIN_TOKEN, PORTAL_URL: this.portal.baseUrl, ...overrides }),
      ),
      consoleHttp,
    );
    this.consoleUrl = running.url!;
    return this;
  }

  /** One more replica of the portal connector, in the same consumer group, under its own name. */
  async startConnectorReplica(instance: string, overrides: Record<string, string> = {}): Promise<void> {
    await this.launch(
      `connector-${instance}`,
      connectorApp(
        portalConnectorDefinition,
        this.env({ ...overrides, PORTAL_URL: this.portal.baseUrl, CONNECTOR_INSTANCE_ID: instance }),
      ),
    );
  }

  /** An HTTP client of the console API that never throws on a status: tests assert on it. */
  api(token?: string): AxiosInstance {
    return axios.create({
      baseURL: `${this.consoleUrl}/api/v1`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      validateStatus: () => true,
    });
  }

  /** A new token of this role, made by the admin through the API. */
  async token(role: 'viewer' | 'operator' | 'admin', name = `${role}-${this.id}`): Promise<string> {
    const { data, status } = await this.api(ADMIN_TOKEN).post('/tokens', { name, role });
    if (status !== 201) throw new Error(`cannot create a ${role} token: ${status} ${JSON.stringify(data)}`);
    return data.token as string;
  }
}
