import { createHash } from 'node:crypto';

/** sha256hex(url + user + timestamp + secret): the gateway's request signature (DOMAIN.md). */
export function populationSignature(url: string, user: string, timestamp: string, secret: string): string {
  return createHash('sha256').update(`${url}${user}${timestamp}${secret}`, 'utf8').digest('hex');
}

/** `Basic base64(user:signature)`. The secret itself never travels. */
export function populationAuthorization(
  url: string,
  user: string,
  timestamp: string,
  secret: string,
): string {
  const signature = populationSignature(url, user, timestamp, secret);
  return `Basic ${Buffer.from(`${user}:${signature}`, 'utf8').toString('base64')}`;
}

/** The user and signature inside an Authorization header, or undefined when it is not Basic user:signature. */
export function readPopulationAuthorization(
  header: string | undefined,
): { user: string; signature: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.lastIndexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), signature: decoded.slice(colon + 1) };
}
