import {
  applyEvent,
  endTime,
  isFinishedOnTime,
  isOnTime,
  supplementCount,
  supplementTime,
  withPopulationCheck,
  type DossierFacts,
} from './dossier-facts';
import { dossierEvent } from './dossier-event.fixture';

const HOUR = 3600_000;
const at = (local: string) => Date.parse(`${local}+07:00`);

/** Folds events the way the projection does: each newer than the last applied. */
function fold(...steps: { status: number; at: string; extra?: Parameters<typeof dossierEvent>[0] }[]) {
  let facts: DossierFacts | undefined;
  steps.forEach((step, index) => {
    facts = applyEvent(
      facts,
      dossierEvent({ status: step.status, sequence: index + 1, at: `${step.at}+07:00`, ...step.extra }),
    );
  });
  return facts!;
}

describe(applyEvent.name, () => {
  it('takes the end time from status 9, not from the later return (status 10)', () => {
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 9, at: '2026-01-10T16:00:00' },
      { status: 10, at: '2026-01-12T09:00:00' },
    );

    expect(endTime(sut)).toBe(at('2026-01-10T16:00:00'));
    expect(isFinishedOnTime(sut)).toBe(true);
  });

  it("prefers the source's own processing time to the event's time", () => {
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      {
        status: 10,
        at: '2026-01-12T09:00:00',
        extra: {
          times: {
            receivedAt: '2026-01-05T08:00:00+07:00',
            dueAt: '2026-01-10T17:00:00+07:00',
            finishedAt: '2026-01-09T11:00:00+07:00',
            returnedAt: '2026-01-12T09:00:00+07:00',
          },
        },
      },
    );

    expect(endTime(sut)).toBe(at('2026-01-09T11:00:00'));
  });

  it('sums the time spent in supplement (status 5) and counts each request', () => {
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 4, at: '2026-01-06T08:00:00' },
      { status: 5, at: '2026-01-07T09:00:00' },
      { status: 4, at: '2026-01-09T09:00:00' },
      { status: 9, at: '2026-01-12T15:00:00' },
    );

    expect(sut.supplementMs).toBe(48 * HOUR);
    expect(supplementCount(sut)).toBe(1);
  });

  it("counts the source's supplement list when it names more requests than status changes showed", () => {
    const request = (id: string) => ({ id, content: 'Bổ sung giấy tờ' });
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 5, at: '2026-01-06T08:00:00', extra: { supplementRequests: [request('1')] } },
      {
        status: 5,
        at: '2026-01-07T08:00:00',
        extra: { supplementRequests: [request('1'), request('2')] },
      },
    );

    expect(sut.supplementEntries).toBe(1);
    expect(supplementCount(sut)).toBe(2);
  });

  it('keeps the due date the dossier was received with when a supplement request moved it', () => {
    const sut = fold({
      status: 4,
      at: '2026-01-08T08:00:00',
      extra: {
        times: { receivedAt: '2026-01-05T08:00:00+07:00', dueAt: '2026-01-14T17:00:00+07:00' },
        supplementRequests: [
          {
            id: '1',
            content: 'Bổ sung',
            previousDueAt: '2026-01-10T17:00:00+07:00',
            newDueAt: '2026-01-14T17:00:00+07:00',
          },
        ],
      },
    });

    expect(sut.dueAt).toBe(at('2026-01-10T17:00:00'));
  });

  it('reads the scoring flags each from its own fact', () => {
    const sut = fold({
      status: 10,
      at: '2026-01-09T08:00:00',
      extra: {
        applicant: { type: 1, name: 'Nguyễn Văn An', identity: null, vneidVerified: true },
        documents: [
          { code: 'TP01', name: 'Đơn', digitized: true, reused: false, fromNationalWarehouse: true },
          { code: 'TP02', name: 'Bản sao', digitized: false, reused: false, replacesResult: 'KQ-9' },
        ],
        fees: [
          { code: 'LP', name: 'Lệ phí', amount: 0, paid: true, paidOnline: false },
          {
            code: 'LP2',
            name: 'Phí',
            amount: 50000,
            paid: true,
            paidOnline: true,
          },
        ],
        results: [{ code: 'KQ01', name: 'Giấy khai sinh', url: 'https://motcua.example/kq' }],
        rating: { level: 'not_satisfied' },
      },
    });

    expect(sut).toMatchObject({
      populationData: true,
      digitized: true,
      reused: true,
      fromWarehouse: true,
      hasFees: true,
      paidOnline: true,
      eResult: true,
      rating: 'not_satisfied',
    });
  });

  it("keeps the hub's masked name of a pseudonymous applicant, and masks a name an older event carries in clear", () => {
    const pseudonymous = {
      type: 1,
      name: 'pseudonym:9f2c',
      identity: null,
      masked: 'N***** V** A*',
    } as const;
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00', extra: { applicant: pseudonymous } });
    const older = fold({ status: 2, at: '2026-01-05T08:00:00' });

    expect(sut.applicantMasked).toBe('N***** V** A*');
    expect(older.applicantMasked).toBe('N***** V** A*');
  });
});

describe(withPopulationCheck.name, () => {
  it('counts population data used once the population database verified the applicant, and keeps it', () => {
    const received = fold({ status: 2, at: '2026-01-05T08:00:00' });
    const sut = withPopulationCheck(received, true);
    const next = applyEvent(sut, dossierEvent({ status: 4, sequence: 2, at: '2026-01-06T08:00:00+07:00' }));

    expect(received.populationData).toBe(false);
    expect(sut.populationData).toBe(true);
    expect(next.populationData).toBe(true);
    expect(withPopulationCheck(next, false).populationData).toBe(false);
  });
});

describe(isOnTime.name, () => {
  it('does not count the time in supplement: 48 h in status 5 bring a late finish back within time', () => {
    // Finished 2026-01-12 15:00, due 2026-01-10 17:00: 46 h late by the clock, 2 h early without the 48 h.
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 5, at: '2026-01-07T09:00:00' },
      { status: 4, at: '2026-01-09T09:00:00' },
      { status: 9, at: '2026-01-12T15:00:00' },
    );

    expect(isOnTime(sut, at('2026-03-31T23:59:59'))).toBe(true);
  });

  it('judges a finish 1 h past the due date, less a 30 min supplement, overdue', () => {
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 5, at: '2026-01-07T09:00:00' },
      { status: 4, at: '2026-01-07T09:30:00' },
      { status: 9, at: '2026-01-10T18:00:00' },
    );

    expect(isOnTime(sut, at('2026-03-31T23:59:59'))).toBe(false);
  });

  it('judges two supplement requests overdue, however early the dossier finished', () => {
    const sut = fold(
      { status: 2, at: '2026-01-05T08:00:00' },
      { status: 5, at: '2026-01-05T09:00:00' },
      { status: 4, at: '2026-01-05T10:00:00' },
      { status: 5, at: '2026-01-05T11:00:00' },
      { status: 4, at: '2026-01-05T12:00:00' },
      { status: 9, at: '2026-01-06T08:00:00' },
    );

    expect(isOnTime(sut, at('2026-03-31T23:59:59'))).toBe(false);
    expect(isFinishedOnTime(sut)).toBe(false);
  });

  it("judges an unfinished dossier at the period's end: within time before its due date, overdue after", () => {
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00' }, { status: 4, at: '2026-01-06T08:00:00' });

    expect(isOnTime(sut, at('2026-01-10T17:00:00'))).toBe(true);
    expect(isOnTime(sut, at('2026-01-10T17:00:01'))).toBe(false);
  });

  it("judges a dossier finished after the period's end as it stood at the end", () => {
    // Finished late on 2026-01-12, but at a period end of 2026-01-09 it was still within time.
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00' }, { status: 9, at: '2026-01-12T08:00:00' });

    expect(isOnTime(sut, at('2026-01-09T23:59:59'))).toBe(true);
    expect(isOnTime(sut, at('2026-01-31T23:59:59'))).toBe(false);
  });

  it('counts an open supplement until the judging time', () => {
    // In status 5 since 2026-01-09 09:00; judged 2026-01-12 09:00: 72 h paused, so as of 2026-01-09 09:00.
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00' }, { status: 5, at: '2026-01-09T09:00:00' });

    expect(supplementTime(sut, at('2026-01-12T09:00:00'))).toBe(72 * HOUR);
    expect(isOnTime(sut, at('2026-01-12T09:00:00'))).toBe(true);
  });

  it('ends a withdrawn dossier (status 7) when it was withdrawn: on time before its due date', () => {
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00' }, { status: 7, at: '2026-01-08T10:00:00' });

    expect(endTime(sut)).toBe(at('2026-01-08T10:00:00'));
    expect(isOnTime(sut, at('2026-01-31T23:59:59'))).toBe(true);
  });

  it('judges a dossier withdrawn after its due date overdue', () => {
    const sut = fold({ status: 2, at: '2026-01-05T08:00:00' }, { status: 7, at: '2026-01-11T10:00:00' });

    expect(isOnTime(sut, at('2026-01-31T23:59:59'))).toBe(false);
  });

  it('takes a rejection at intake (status 3) as the end', () => {
    const sut = fold({ status: 3, at: '2026-01-05T09:00:00' });

    expect(endTime(sut)).toBe(at('2026-01-05T09:00:00'));
    expect(isFinishedOnTime(sut)).toBe(true);
  });

  it('judges a dossier without a due date (settled on the spot) on time', () => {
    const sut = fold({
      status: 4,
      at: '2026-01-05T08:00:00',
      extra: { times: { receivedAt: '2026-01-05T08:00:00+07:00' } },
    });

    expect(isOnTime(sut, at('2026-12-31T23:59:59'))).toBe(true);
  });
});
