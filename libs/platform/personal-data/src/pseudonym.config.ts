import { secret } from '@lienthong/config';

/** The key of the citizens' pseudonyms: the population ledger's, and the hub's on routes that need no clear identity. */
export const pseudonymKeySpec = {
  POPULATION_AUDIT_KEY: secret({
    default: 'lienthong-audit-key',
    desc: 'HMAC key that pseudonymises personal IDs in the audit log and ledger, so lookups of one citizen can be found without storing the ID',
  }),
};
