import { applyEvent } from './dossier-facts';
import { dossierEvent } from './dossier-event.fixture';
import { dailyDeltas } from './daily-deltas';

describe(dailyDeltas.name, () => {
  const received = applyEvent(undefined, dossierEvent({ status: 2, sequence: 1 }));

  it('counts a new dossier once, on the day it was received, under its agency and procedure', () => {
    const [sut, ...rest] = dailyDeltas([{ after: received }]);

    expect(rest).toEqual([]);
    expect(sut).toMatchObject({ day: '2026-01-05', agencyCode: '000.00.12.H26', procedureCode: '1.001193' });
    expect(sut.delta).toMatchObject({ received: 1, online: 1, onTimeFinal: 0, settled: 0 });
  });

  it('moves a dossier finished on time into the sums without counting it again', () => {
    const finished = applyEvent(
      received,
      dossierEvent({ status: 9, sequence: 2, at: '2026-01-08T10:00:00+07:00' }),
    );

    const [sut] = dailyDeltas([{ before: received, after: finished }]);

    expect(sut.delta).toMatchObject({ received: 0, onTimeFinal: 1, settled: 1 });
  });

  it('writes nothing for an event that changes no counted fact', () => {
    const inProcess = applyEvent(received, dossierEvent({ status: 4, sequence: 2 }));

    expect(dailyDeltas([{ before: received, after: inProcess }])).toEqual([]);
  });
});
