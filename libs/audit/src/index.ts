/** The operator audit log: append-only, each row chained to the previous by an HMAC (tamper-evident). */
export { auditConfigSpec, type AuditConfig } from './audit.config';
export { AuditLog, type AuditQuery } from './audit-log';
export {
  verifyChain,
  type AuditEntry,
  type AuditRecord,
  type ChainVerdict,
  type ChainProblem,
} from './audit-chain';
