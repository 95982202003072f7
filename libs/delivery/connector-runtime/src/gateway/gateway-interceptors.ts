import { isAxiosError, type AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { TargetAccessError } from '../errors';
import type { GatewayCredential } from './gateway-credential';

/** Marks the one repeat of a call the gateway refused; axios keeps unknown config keys across a request. */
const RETRIED = 'lienthongGatewayRetried';

type GatewayRequestConfig = InternalAxiosRequestConfig & { [RETRIED]?: boolean };

/**
 * An axios error carries its request: the config's headers and the raw header text of the socket
 * request. Both go before the error leaves, so the gateway credential cannot reach a log or a
 * dead-letter header through a cause.
 */
export function withoutCredential(error: AxiosError, header: string): AxiosError {
  error.config?.headers?.set(header, '[secret]');
  error.request = undefined;
  if (error.response) error.response.request = undefined;
  return error;
}

/**
 * Puts the gateway credential on every call of `http`. A 401 (as an answer or as an error) gets one
 * repeat with a renewed credential; a 401 after that, or with nothing to renew, is a TargetAccessError:
 * every dossier would be refused the same way until an operator fixes the access.
 */
export function applyGateway(http: AxiosInstance, credential: GatewayCredential): void {
  const { header } = credential;

  const refused = async (config: GatewayRequestConfig, target: string) => {
    const sent = String(config.headers.get(header) ?? '');
    if (!config[RETRIED] && (await credential.renewed(sent)) !== undefined) {
      return http.request({ ...config, [RETRIED]: true } as GatewayRequestConfig);
    }
    throw new TargetAccessError(
      'GATEWAY_ACCESS_REFUSED',
      `the gateway in front of ${target} answered HTTP 401${config[RETRIED] ? ' to a renewed credential' : ''}; check ${credential.keysToCheck}`,
    );
  };
  const targetOf = (config: GatewayRequestConfig) => `${config.baseURL ?? ''}${config.url ?? ''}`;

  http.interceptors.request.use(async (config) => {
    config.headers.set(header, await credential.value());
    return config;
  });
  http.interceptors.response.use(
    (response) => (response.status === 401 ? refused(response.config, targetOf(response.config)) : response),
    (error: unknown) => {
      if (!isAxiosError(error)) throw error;
      const { config } = error;
      if (error.response?.status === 401 && config) return refused(config, targetOf(config));
      throw withoutCredential(error, header);
    },
  );
}
