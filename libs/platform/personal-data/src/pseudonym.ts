import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * Keyed hashes of personal data, so the audit log, the ledger and the cache can recognise the same
 * person again without holding their ID: a plain hash of a 12-digit ID is reversed by trying them all.
 */
export class Pseudonymizer {
  /** Prepared once: a key given as text is prepared again on every hash, which costs six times the hash. */
  private readonly key: KeyObject;

  constructor(key: string) {
    this.key = createSecretKey(Buffer.from(key, 'utf8'));
  }

  of(...parts: string[]): string {
    return createHmac('sha256', this.key).update(parts.join('\u001f'), 'utf8').digest('hex');
  }
}
