import type { PortalDossier, PortalProgress } from '@lienthong/schemas';

export interface HeldDossier {
  record: PortalDossier;
  /** How many times a create of this dossier was accepted: more than one is a duplicate. */
  creates: number;
  /** Every TrangThaiHoSo the portal was given for it, in order. */
  statuses: string[];
  progress: PortalProgress[];
  /** When the portal last accepted anything for it (epoch ms): what a benchmark's latency ends at. */
  lastSyncedAt: number;
}

/** What the sandbox portal accepted, in memory: it lives as long as the sandbox process. */
export class PortalSandboxStore {
  private readonly dossiers = new Map<string, HeldDossier>();

  get(code: string): HeldDossier | undefined {
    return this.dossiers.get(code);
  }

  /** Every held dossier, in the order the portal first received them (read-only listing for other sandboxes). */
  list(): readonly HeldDossier[] {
    return [...this.dossiers.values()];
  }

  create(record: PortalDossier): void {
    this.dossiers.set(record.MaHoSo, {
      record,
      creates: 1,
      statuses: [record.TrangThaiHoSo],
      progress: [],
      lastSyncedAt: Date.now(),
    });
  }

  update(record: PortalDossier): void {
    const held = this.dossiers.get(record.MaHoSo)!;
    held.record = record;
    held.statuses.push(record.TrangThaiHoSo);
    held.lastSyncedAt = Date.now();
  }

  addProgress(records: PortalProgress[]): void {
    for (const record of records) {
      const held = this.dossiers.get(record.MaHoSo);
      held?.progress.push(record);
      if (held) held.lastSyncedAt = Date.now();
    }
  }

  /** Replaces the held record without counting it as a sync (to simulate drift at the portal). */
  alter(code: string, changes: Partial<PortalDossier>): boolean {
    const held = this.dossiers.get(code);
    if (held) held.record = { ...held.record, ...changes };
    return held !== undefined;
  }

  /**
   * Keeps only the first `keep` progress records, the record's status back at the last one kept (to
   * simulate a portal that lost its latest steps, e.g. restored from an older backup).
   */
  loseSteps(code: string, keep: number): boolean {
    const held = this.dossiers.get(code);
    const last = held?.progress[keep - 1];
    if (!held || !last) return false;
    held.progress = held.progress.slice(0, keep);
    held.record = { ...held.record, TrangThaiHoSo: last.TrangThai as PortalDossier['TrangThaiHoSo'] };
    return true;
  }

  delete(code: string): boolean {
    return this.dossiers.delete(code);
  }

  stats() {
    let creates = 0;
    let duplicateCreates = 0;
    for (const held of this.dossiers.values()) {
      creates += held.creates;
      duplicateCreates += held.creates - 1;
    }
    return { dossiers: this.dossiers.size, creates, duplicateCreates };
  }

  reset(): void {
    this.dossiers.clear();
  }
}
