import axios from 'axios';
import {
  differingFields,
  PortalClient,
  portalConfigSpec,
  toPortalDossier,
  toPortalProgress,
} from '@lienthong/national-portal';
import { readConfig } from '@lienthong/config';
import { inParallel } from '@lienthong/connector-runtime';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import type { DossierEvent, PortalDossier, PortalProgress } from '@lienthong/schemas';
import type { GeneratedEvent } from '@lienthong/simulator';

/** The dossier events a batch of generated source events stands for, as the hub maps them. */
export function asDossierEvents(
  events: GeneratedEvent[],
  systemOf: (topic: string) => string,
): DossierEvent[] {
  return events.map((event) => {
    const mapper = SOURCE_MAPPERS.find(({ system }) => system === systemOf(event.topic))!;
    const result = mapSourceEvent(mapper, Buffer.from(event.value));
    if (!result.ok) throw new Error(`generated event does not map: ${result.rejection.message}`);
    return result.dossier;
  });
}

interface Expected {
  record: PortalDossier;
  /** Every status the dossier went through, in sequence order. */
  statuses: string[];
  /** Every step's progress record, as stepKey names it. */
  steps: Set<string>;
}

/** A progress record's step: its status at its time. */
const stepKey = (progress: Pick<PortalProgress, 'TrangThai' | 'ThoiDiemXuLy'>) =>
  `${progress.TrangThai}@${progress.ThoiDiemXuLy}`;

/**
 * What the portal must hold for each dossier: the record of its latest event, linked to the population
 * database when `populationVerified` says its applicant was verified there.
 */
export function expectedAtPortal(
  dossiers: DossierEvent[],
  populationVerified: (dossier: DossierEvent) => boolean = () => false,
): Map<string, Expected> {
  const byCode = new Map<string, DossierEvent[]>();
  for (const dossier of dossiers)
    byCode.set(dossier.dossierCode, [...(byCode.get(dossier.dossierCode) ?? []), dossier]);
  return new Map(
    [...byCode].map(([code, events]) => {
      const ordered = events.sort((a, b) => a.provenance.sequence - b.provenance.sequence);
      return [
        code,
        {
          record: toPortalDossier(ordered.at(-1)!, {
            populationVerified: populationVerified(ordered.at(-1)!),
          }),
          statuses: ordered.map(({ status }) => String(status)),
          steps: new Set(ordered.map((event) => stepKey(toPortalProgress(event)))),
        },
      ];
    }),
  );
}

export interface PortalOutcome {
  dossiers: number;
  correct_at_portal: number;
  lost: number;
  duplicate_creates: number;
  status_regressions: number;
  progress_steps_missing: number;
}

const collapse = (statuses: string[]) => statuses.filter((status, index) => status !== statuses[index - 1]);

/** The portal's statuses went only forward when they are, repeats aside, a subsequence of the dossier's. */
export function wentOnlyForward(given: string[], lifecycle: string[]): boolean {
  let position = 0;
  const path = collapse(lifecycle);
  for (const status of collapse(given)) {
    while (position < path.length && path[position] !== status) position++;
    if (position === path.length) return false;
  }
  return true;
}

/**
 * Reads every dossier back through the portal's own contract (TraCuuHoSo) and the sandbox's history
 * (creates, statuses and progress records given), and counts what is right, missing, duplicated, went
 * backwards or lacks a step.
 */
export async function checkPortal(
  portalUrl: string,
  expected: Map<string, Expected>,
): Promise<PortalOutcome> {
  const portal = new PortalClient(readConfig(portalConfigSpec, { PORTAL_URL: portalUrl }));
  const outcome: PortalOutcome = {
    dossiers: expected.size,
    correct_at_portal: 0,
    lost: 0,
    duplicate_creates: 0,
    status_regressions: 0,
    progress_steps_missing: 0,
  };
  await inParallel([...expected], 16, async ([code, { record, statuses, steps }]) => {
    const held = await portal.lookup(code);
    if (!held) {
      outcome.lost++;
      return;
    }
    if (differingFields({ ...record }, { ...held }).length === 0) outcome.correct_at_portal++;
    const { data: history } = await axios.get<{
      creates: number;
      statuses: string[];
      progress: PortalProgress[];
    }>(`${portalUrl}/_sandbox/dossiers/${encodeURIComponent(code)}`);
    const given = new Set(history.progress.map(stepKey));
    outcome.progress_steps_missing += [...steps].filter((step) => !given.has(step)).length;
    outcome.duplicate_creates += Math.max(0, history.creates - 1);
    if (!wentOnlyForward(history.statuses, statuses)) outcome.status_regressions++;
  });
  return outcome;
}
