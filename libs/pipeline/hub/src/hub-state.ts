import { createHash } from 'node:crypto';
import type { ChangelogRecord, OutgoingRecord } from '@lienthong/kafka';
import { Gauge, metricsRegistry } from '@lienthong/observability';
import { eventIdOf, type DossierEvent } from '@lienthong/schemas';

const dossiersHeld = new Gauge({
  name: 'lienthong_hub_state_dossiers',
  help: 'Dossiers whose state (latest sequence, applied event ids) the hub holds in memory',
  registers: [metricsRegistry],
});

const DAY_MS = 24 * 3600 * 1000;

/** The day a time falls on, counted from 1970-01-01 (UTC): the state's age, for retention. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/**
 * What the hub applied to one dossier. Event ids are held as 52-bit hashes of `eventIdOf`, not the ids:
 * 7 bytes each on the changelog and one number in memory, against some 60-100 bytes of a V8 string per
 * id, for millions of dossiers over the retention window. A duplicate is looked for only among the ids
 * of its own dossier (a few, rarely hundreds), so two ids of one dossier sharing a hash (about n²/2⁵³)
 * is never going to happen in practice; 52 bits is what a JavaScript number holds exactly.
 */
export interface DossierState {
  /** The highest sequence applied; an event at or below it is stale. */
  lastSequence: number;
  /** The status of the event that brought `lastSequence`. */
  status: number;
  /** When the state last changed (`dayOf`): a dossier untouched for the retention window is forgotten. */
  day: number;
  /** Hashes (`eventHash`) of every event id applied, stale ones included. */
  events: number[];
}

/** The 52-bit hash of an event id (`eventIdOf`) the state keeps. */
export function eventHash(eventId: string): number {
  const digest = createHash('sha256').update(eventId).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6] >> 4);
}

const FORMAT = 1;
/** format (1), last sequence (float64: any sequence a source sends), status (int32), day (uint32). */
const HEADER_BYTES = 1 + 8 + 4 + 4;
const HASH_BYTES = 7;

/** The state as the changelog's value: a fixed header, then 7 bytes per event hash. */
export function encodeDossierState(state: DossierState): Buffer {
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + HASH_BYTES * state.events.length);
  bytes.writeUInt8(FORMAT, 0);
  bytes.writeDoubleBE(state.lastSequence, 1);
  bytes.writeInt32BE(state.status, 9);
  bytes.writeUInt32BE(state.day, 13);
  let offset = HEADER_BYTES;
  for (const hash of state.events) {
    bytes.writeUInt8(Math.floor(hash / 2 ** 48), offset);
    bytes.writeUIntBE(hash % 2 ** 48, offset + 1, 6);
    offset += HASH_BYTES;
  }
  return bytes;
}

export function decodeDossierState(bytes: Buffer): DossierState {
  if (
    bytes.length < HEADER_BYTES ||
    bytes.readUInt8(0) !== FORMAT ||
    (bytes.length - HEADER_BYTES) % HASH_BYTES
  ) {
    throw new Error(`not a hub state of format ${FORMAT} (${bytes.length} bytes)`);
  }
  const events: number[] = [];
  for (let offset = HEADER_BYTES; offset < bytes.length; offset += HASH_BYTES) {
    events.push(bytes.readUInt8(offset) * 2 ** 48 + bytes.readUIntBE(offset + 1, 6));
  }
  return {
    lastSequence: bytes.readDoubleBE(1),
    status: bytes.readInt32BE(9),
    day: bytes.readUInt32BE(13),
    events,
  };
}

/** How one event meets its dossier's state. */
export type Decision = 'applied' | 'stale' | 'duplicate';

/**
 * Every dossier's state, in memory. It changes only by `merge` (a committed batch, or a record of the
 * changelog) and `forget`; a batch works on a `StateBatch` of its own until its transaction commits.
 */
export class HubStateStore {
  private readonly dossiers = new Map<string, DossierState>();
  /** The dossiers a batch in flight works on, and when that batch is done. */
  private readonly claimed = new Map<string, Promise<void>>();

  constructor(
    private readonly topic: string,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.dossiers.size;
  }

  get(dossierCode: string): DossierState | undefined {
    return this.dossiers.get(dossierCode);
  }

  /**
   * Applies records of the changelog. Idempotent and order-tolerant between replicas: the highest
   * sequence wins, event ids are united, a tombstone forgets.
   */
  applyChangelog(records: ChangelogRecord[]): void {
    for (const { key, value } of records) {
      if (value === null) this.dossiers.delete(key);
      else this.merge(key, decodeDossierState(value));
    }
    dossiersHeld.set(this.dossiers.size);
  }

  /**
   * A batch's view of the state for these dossiers. Two batches of this replica never work on one
   * dossier at once (its events may come on several source partitions): the second waits until the
   * first has committed or given up, so neither writes a state that misses what the other applied.
   */
  async begin(dossierCodes: Iterable<string>): Promise<StateBatch> {
    const codes = [...new Set(dossierCodes)];
    for (;;) {
      const busy = codes.flatMap((code) => this.claimed.get(code) ?? []);
      if (busy.length === 0) break;
      await Promise.all(busy);
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    for (const code of codes) this.claimed.set(code, released);
    return new StateBatch(this, this.topic, dayOf(this.now()), (changed) => {
      for (const [code, state] of changed) this.merge(code, state);
      dossiersHeld.set(this.dossiers.size);
      for (const code of codes) if (this.claimed.get(code) === released) this.claimed.delete(code);
      release();
    });
  }

  /** Dossiers whose state has not changed for `days` days, and that no batch is working on now. */
  expired(days: number): string[] {
    const oldest = dayOf(this.now()) - days;
    return [...this.dossiers]
      .filter(([code, { day }]) => day < oldest && !this.claimed.has(code))
      .map(([code]) => code);
  }

  forget(dossierCodes: string[]): void {
    for (const code of dossierCodes) this.dossiers.delete(code);
    dossiersHeld.set(this.dossiers.size);
  }

  private merge(code: string, incoming: DossierState): void {
    const held = this.dossiers.get(code);
    if (!held) {
      this.dossiers.set(code, { ...incoming, events: [...incoming.events] });
      return;
    }
    if (incoming.lastSequence > held.lastSequence) {
      held.lastSequence = incoming.lastSequence;
      held.status = incoming.status;
    }
    held.day = Math.max(held.day, incoming.day);
    for (const hash of incoming.events) if (!held.events.includes(hash)) held.events.push(hash);
  }
}

/**
 * One batch's decisions on the state, kept apart from the store until its transaction commits: the
 * changelog records go into that transaction, and `commit` makes them the store's. A batch that does
 * not commit calls `abandon`, and leaves the store as it was.
 */
export class StateBatch {
  private readonly changed = new Map<string, DossierState>();
  private done = false;

  constructor(
    private readonly store: HubStateStore,
    private readonly topic: string,
    private readonly today: number,
    private readonly settle: (changed: Map<string, DossierState>) => void,
  ) {}

  /** Whether the event is new to its dossier, older than what was applied, or applied before. */
  decide(dossier: DossierEvent): Decision {
    const code = dossier.dossierCode;
    const { sequence } = dossier.provenance;
    const hash = eventHash(eventIdOf(dossier.provenance));
    let state = this.changed.get(code);
    if (!state) {
      const held = this.store.get(code);
      if (held?.events.includes(hash)) return 'duplicate';
      state = held
        ? { ...held, events: [...held.events] }
        : { lastSequence: -Infinity, status: 0, day: 0, events: [] };
      this.changed.set(code, state);
    } else if (state.events.includes(hash)) {
      return 'duplicate';
    }
    state.events.push(hash);
    state.day = this.today;
    if (sequence <= state.lastSequence) return 'stale';
    state.lastSequence = sequence;
    state.status = dossier.status;
    return 'applied';
  }

  /** The changelog records of the dossiers this batch changed, to write in its transaction. */
  changelog(): OutgoingRecord[] {
    return [...this.changed].map(([code, state]) => ({
      topic: this.topic,
      key: code,
      value: encodeDossierState(state),
      headers: {},
    }));
  }

  /** The batch's transaction committed: the store takes what it changed. */
  commit(): void {
    if (this.done) return;
    this.done = true;
    this.settle(this.changed);
  }

  /** The batch will not commit: the store stays as it was. */
  abandon(): void {
    if (this.done) return;
    this.done = true;
    this.settle(new Map());
  }
}
