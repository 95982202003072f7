import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import { portalTimeMs } from './score-period';

/** Statuses that end a dossier, and the order in which their times count as its end (766, item 2.1). */
const END_STATUS_ORDER = [['9'], ['10'], ['3', '7', '8']] as const;
const FINAL_STATUSES = new Set(['3', '7', '8', '9', '10']);
const SUPPLEMENT = '5';

/** A status the portal was told of, and when. */
interface Step {
  status: string;
  atMs: number;
}

export interface OnTimeJudgement {
  finished: boolean;
  onTime: boolean;
  /** When it ended, read from the progress records only (undefined: no status time reached the portal). */
  endMs?: number;
}

/**
 * Judges one dossier as the national on-time item does: the end is the time of status 9, else 10, else
 * 3/7/8, read from the progress records (a finished dossier without that time counts as overdue); time
 * spent in status 5 does not count; more than one supplement request is overdue; an unfinished dossier
 * is judged at `judgeAtMs` (the period's end, or now when that is later than now).
 */
export function judgeOnTime(
  record: PortalDossier,
  progress: readonly PortalProgress[],
  judgeAtMs: number,
): OnTimeJudgement {
  const steps: Step[] = progress
    .flatMap((step) => {
      const atMs = portalTimeMs(step.ThoiDiemXuLy);
      return atMs === undefined ? [] : [{ status: step.TrangThai as string, atMs }];
    })
    .sort((a, b) => a.atMs - b.atMs);
  const finished = FINAL_STATUSES.has(record.TrangThaiHoSo);
  const endMs = finished ? endTime(steps) : undefined;
  const judgedAtMs = finished ? endMs : judgeAtMs;
  if (judgedAtMs === undefined) return { finished, onTime: false };
  if (supplementRequests(record, steps) > 1) return { finished, onTime: false, endMs };
  const dueMs = portalTimeMs(record.NgayHenTra);
  if (dueMs === undefined) return { finished, onTime: true, endMs };
  return { finished, onTime: judgedAtMs - pausedMs(steps, judgedAtMs) <= dueMs, endMs };
}

function endTime(steps: Step[]): number | undefined {
  for (const statuses of END_STATUS_ORDER) {
    const step = steps.find((candidate) => (statuses as readonly string[]).includes(candidate.status));
    if (step) return step.atMs;
  }
  return undefined;
}

function supplementRequests(record: PortalDossier, steps: Step[]): number {
  const entered = steps.filter(
    (step, index) => step.status === SUPPLEMENT && steps[index - 1]?.status !== SUPPLEMENT,
  ).length;
  return Math.max(entered, record.DanhSachHoSoBoSung?.length ?? 0);
}

/** Time spent in status 5 before `untilMs`: from entering it to the next record with another status. */
function pausedMs(steps: Step[], untilMs: number): number {
  let paused = 0;
  for (const [index, step] of steps.entries()) {
    if (step.status !== SUPPLEMENT || step.atMs >= untilMs) continue;
    if (steps[index - 1]?.status === SUPPLEMENT) continue;
    const next = steps.slice(index + 1).find((later) => later.status !== SUPPLEMENT);
    paused += Math.min(next?.atMs ?? untilMs, untilMs) - step.atMs;
  }
  return paused;
}
