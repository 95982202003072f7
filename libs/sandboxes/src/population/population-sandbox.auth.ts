import { timingSafeEqual } from 'node:crypto';
import { PopulationHeader, populationSignature, readPopulationAuthorization } from '@lienthong/population';
import type { PopulationSandboxConfig } from './population-sandbox.config';

/** A header of the request, by name (case-insensitive, as HTTP has it). */
export type HeaderReader = (name: string) => string | undefined;

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

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
  const timestamp = header(PopulationHeader.Timestamp) ?? '';
  if (!/^\d{1,16}$/.test(timestamp)) return 'Timestamp must be epoch milliseconds';
  if (Math.abs(now - Number(timestamp)) > config.POPULATION_SANDBOX_MAX_SKEW_S * 1000) {
    return 'Timestamp is too far from the gateway clock';
  }
  if (!sameText(header(PopulationHeader.ApiKey) ?? '', config.POPULATION_SANDBOX_API_KEY))
    return 'ApiKey is not valid';
  if (header(PopulationHeader.Client) !== config.POPULATION_SANDBOX_CLIENT)
    return 'X-Road-Client is not registered';
  const credentials = readPopulationAuthorization(header(PopulationHeader.Authorization));
  if (!credentials) return 'Authorization must be Basic base64(user:signature)';
  const expected = populationSignature(
    url,
    config.POPULATION_SANDBOX_USERNAME,
    timestamp,
    config.POPULATION_SANDBOX_SECRET,
  );
  if (credentials.user !== config.POPULATION_SANDBOX_USERNAME || !sameText(credentials.signature, expected)) {
    return 'Authorization signature does not match';
  }
  return undefined;
}
