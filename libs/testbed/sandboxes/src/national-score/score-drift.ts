import type { PortalDossier } from '@lienthong/schemas';
import { agencyOf, type SyncedDossier } from './synced-dossier';

/** Which dossiers a drift order is about: named codes, or the first `count` of an agency (by code). */
export interface DossierSelection {
  codes?: string[];
  agency?: string;
  count?: number;
  /** Only dossiers received (NgayTiepNhan) in this `yyyy`, `yyyyMM` or `yyyy-MM`. */
  receivedIn?: string;
  /** Only dossiers whose fields have these values, e.g. {"DuocThanhToanTrucTuyen": "1"}. */
  where?: Record<string, string>;
}

/** An order to drift, as `POST /_sandbox/drift` takes it; every part is optional and adds to the state. */
export interface DriftOrder {
  /** These dossiers never reached the portal: the national reporting system still counts them. */
  drop?: DossierSelection;
  /** These dossiers reached the portal with other flag values. */
  flip?: DossierSelection & { set: Record<string, string> };
  /** These dossiers got a "dislike" on the national portal. */
  dislike?: DossierSelection;
  /** Answer fields renamed wherever they appear, e.g. {"totalScore": "tongDiem"}. */
  rename?: Record<string, string>;
}

/** What the sandbox holds apart from the portal: the drifts an e2e test ordered. */
export class ScoreDrift {
  private readonly dropped = new Set<string>();
  private readonly flips = new Map<string, Record<string, string>>();
  private readonly dislikes = new Set<string>();
  private renames: Record<string, string> = {};

  get disliked(): ReadonlySet<string> {
    return this.dislikes;
  }

  get renamed(): Readonly<Record<string, string>> {
    return this.renames;
  }

  /** Applies an order to the dossiers the portal holds now; answers the codes each part touched. */
  order(order: DriftOrder, held: SyncedDossier[]) {
    const records = held.map(({ record }) => this.flipped(record)).filter((r) => !this.dropped.has(r.MaHoSo));
    const changes = (set: Record<string, string>) => (record: PortalDossier) =>
      Object.entries(set).some(
        ([field, value]) => (record as unknown as Record<string, unknown>)[field] !== value,
      );
    const dropped = order.drop ? select(records, order.drop) : [];
    const flipped = order.flip ? select(records, order.flip, changes(order.flip.set)) : [];
    const disliked = order.dislike ? select(records, order.dislike) : [];
    for (const code of dropped) this.dropped.add(code);
    for (const code of flipped) this.flips.set(code, { ...this.flips.get(code), ...order.flip!.set });
    for (const code of disliked) this.dislikes.add(code);
    if (order.rename) this.renames = { ...this.renames, ...order.rename };
    return { dropped, flipped, disliked, renamed: this.renames };
  }

  /** Splits what the portal holds into what the scoring sees (flips applied) and what was lost. */
  apply(held: SyncedDossier[]): { seen: SyncedDossier[]; lost: SyncedDossier[] } {
    const seen: SyncedDossier[] = [];
    const lost: SyncedDossier[] = [];
    for (const dossier of held) {
      if (this.dropped.has(dossier.record.MaHoSo)) lost.push(dossier);
      else seen.push({ ...dossier, record: this.flipped(dossier.record) });
    }
    return { seen, lost };
  }

  current() {
    return {
      dropped: [...this.dropped],
      flipped: Object.fromEntries(this.flips),
      disliked: [...this.dislikes],
      renamed: this.renames,
    };
  }

  reset(): void {
    this.dropped.clear();
    this.flips.clear();
    this.dislikes.clear();
    this.renames = {};
  }

  private flipped(record: PortalDossier): PortalDossier {
    const set = this.flips.get(record.MaHoSo);
    return set ? ({ ...record, ...set } as PortalDossier) : record;
  }
}

function select(
  records: PortalDossier[],
  selection: DossierSelection,
  changes: (record: PortalDossier) => boolean = () => true,
): string[] {
  if (selection.codes) {
    const held = new Set(records.map((record) => record.MaHoSo));
    return selection.codes.filter((code) => held.has(code));
  }
  const month = selection.receivedIn?.replace('-', '');
  const matching = records
    .filter((record) => selection.agency === undefined || agencyOf(record) === selection.agency)
    .filter((record) => month === undefined || record.NgayTiepNhan.startsWith(month))
    .filter((record) =>
      Object.entries(selection.where ?? {}).every(
        ([field, value]) => (record as unknown as Record<string, unknown>)[field] === value,
      ),
    )
    .filter(changes)
    .map((record) => record.MaHoSo)
    .sort();
  return matching.slice(0, selection.count ?? matching.length);
}

/** Renames answer fields wherever they appear (a changed answer shape). */
export function renameFields(value: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameFields(item, renames));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [renames[key] ?? key, renameFields(inner, renames)]),
  );
}
