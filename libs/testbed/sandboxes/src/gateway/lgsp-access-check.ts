import { timingSafeEqual } from 'node:crypto';

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Whether an `lgspaccesstoken` header carries the expected keys: base64 of a UTF-8 JSON object with
 * AccessKey, SecretKey, AppName, PartnerCode and PartnerCodeCus (DOMAIN.md). Written from the
 * contract, apart from the connector's encoder: a base64 or key-name slip on that side shows here.
 */
export function lgspHeaderAdmits(header: string | undefined, accessKey: string, secretKey: string): boolean {
  if (!header || !/^[A-Za-z0-9+/]+={0,2}$/.test(header.trim())) return false;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(header.trim(), 'base64').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof fields !== 'object' || fields === null) return false;
  const keys = fields as Record<string, unknown>;
  const named = ['AccessKey', 'SecretKey', 'AppName', 'PartnerCode', 'PartnerCodeCus'];
  if (!named.every((name) => typeof keys[name] === 'string')) return false;
  return sameText(String(keys.AccessKey), accessKey) && sameText(String(keys.SecretKey), secretKey);
}
