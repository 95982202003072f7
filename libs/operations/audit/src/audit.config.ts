import { secret, type ConfigOf } from '@lienthong/config';

export const auditConfigSpec = {
  AUDIT_KEY: secret({
    default: 'lienthong-dev-audit-log-key',
    desc: 'HMAC key chaining the rows of the operator audit log (tamper evidence); keep it out of the database',
    example: 'a long random string from the secret store',
  }),
};

export type AuditConfig = ConfigOf<typeof auditConfigSpec>;
