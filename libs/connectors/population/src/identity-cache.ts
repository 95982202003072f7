import { LRUCache } from 'lru-cache';
import type { IdentityCheck } from './identity-check';

/**
 * Recent checks by pseudonymous key (personal ID, name and birth date together), so a dossier's
 * repeated events and a citizen's several dossiers do not each call the database. Only the minimised
 * check is held, never the database's record.
 */
export class IdentityCache {
  private readonly entries?: LRUCache<string, IdentityCheck>;

  constructor(ttlSeconds: number, max: number) {
    // lru-cache reads ttl 0 as "never expires"; here 0 means no cache at all.
    if (ttlSeconds > 0) this.entries = new LRUCache({ max, ttl: ttlSeconds * 1000 });
  }

  get(key: string): IdentityCheck | undefined {
    return this.entries?.get(key);
  }

  set(key: string, check: IdentityCheck): void {
    this.entries?.set(key, check);
  }
}
