/** The operator audit log: append-only, each row chained to the previous by an HMAC (tamper-evident). */
export { auditConfigSpec, type AuditConfig } from './audit.config';
export { AuditLog, type AuditQuery } from './audit-log';
export { KafkaAuditAnchor, type AuditAnchorStore } from './audit-anchor';
export {
  AnchorHistory,
  chainHash,
  verifyChain,
  GENESIS_HASH,
  type ChainAnchor,
  type AnchorReading,
  type AuditEntry,
  type AuditRecord,
  type ChainVerdict,
  type ChainProblem,
} from './audit-chain';
