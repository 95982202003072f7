export interface LgspKeys {
  accessKey: string;
  secretKey: string;
  appName: string;
  partnerCode: string;
  partnerCodeCus: string;
}

export const LGSP_HEADER = 'lgspaccesstoken';

/**
 * The VNPT-style LGSP header value: base64 of the UTF-8 JSON of the five keys, in the order the public
 * clients write them (DOMAIN.md; whether gateways care about the order is not known, so it is kept).
 */
export function lgspAccessToken(keys: LgspKeys): string {
  const json = JSON.stringify({
    AccessKey: keys.accessKey,
    SecretKey: keys.secretKey,
    AppName: keys.appName,
    PartnerCode: keys.partnerCode,
    PartnerCodeCus: keys.partnerCodeCus,
  });
  return Buffer.from(json, 'utf8').toString('base64');
}
