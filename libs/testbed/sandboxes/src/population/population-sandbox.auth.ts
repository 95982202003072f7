import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayHeader } from './gateway.contract';
import type { PopulationSandboxConfig } from './population-sandbox.config';

/** A header of the request, by name (case-insensitive, as HTTP has it). */
export type HeaderReader = (name: string) => string | undefined;

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** sha256hex(url + user + timestamp + secret), as DOMAIN.md gives the signature. */
const expectedSignature = (url: string, user: string, timestamp: string, secret: string) =>
  createHash('sha256').update(`${url}${user}${timestamp}${secret}`, 'utf8').digest('hex');

/** The user and signature of `Basic base64(user:signature)`, or undefined when it is not that. */
function basicCredentials(header: string | undefined): { user: string; signature: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.lastIndexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), signature: decoded.slice(colon + 1) };
}

/**
 * Checks the gateway's authentication headers as DOMAIN.md describes them: a fresh epoch-ms Timestamp,
 * Authorization Basic base64(user:sha256hex(url + user + timestamp + secret)), X-Road-Client and
 * ApiKey. Returns why the request is refused, or undefined when it may pass.
 */
export function authenticationFailure(
  config: PopulationSandboxConfig,
  url: string,
  header: HeaderReader,
  now = Date.now(),
): string | undefined {
  const timestamp = header(GatewayHeader.Timestamp) ?? '';
  if (!/^\d{1,16}$/.test(timestamp)) return 'Timestamp must be epoch milliseconds';
  if (Math.abs(now - Number(timestamp)) > config.POPULATION_SANDBOX_MAX_SKEW_S * 1000) {
    return 'Timestamp is too far from the gateway clock';
  }
  if (!sameText(header(GatewayHeader.ApiKey) ?? '', config.POPULATION_SANDBOX_API_KEY))
    return 'ApiKey is not valid';
  if (header(GatewayHeader.Client) !== config.POPULATION_SANDBOX_CLIENT)
    return 'X-Road-Client is not registered';
  const credentials = basicCredentials(header(GatewayHeader.Authorization));
  if (!credentials) return 'Authorization must be Basic base64(user:signature)';
  const { POPULATION_SANDBOX_USERNAME: user, POPULATION_SANDBOX_SECRET: secret } = config;
  if (
    credentials.user !== user ||
    !sameText(credentials.signature, expectedSignature(url, user, timestamp, secret))
  ) {
    return 'Authorization signature does not match';
  }
  return undefined;
}
