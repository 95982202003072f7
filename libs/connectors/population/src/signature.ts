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
