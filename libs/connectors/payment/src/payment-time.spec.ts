import { paymentTime, vietnamIso } from './payment-time';

describe(paymentTime.name, () => {
  it('writes yyyyMMddHHmmss on the 24-hour clock: 14:30:05 is 143005, never 023005', () => {
    expect(paymentTime(new Date('2024-08-15T14:30:05+07:00'))).toBe('20240815143005');
  });

  it('is Hanoi time from a UTC instant, across midnight', () => {
    expect(paymentTime(new Date('2024-08-14T17:30:05Z'))).toBe('20240815003005');
  });

  it("never reads the machine's local clock (its time zone may be anything)", () => {
    const localGetters = [
      'getFullYear',
      'getMonth',
      'getDate',
      'getHours',
      'getMinutes',
      'getSeconds',
    ] as const;
    const spies = localGetters.map((getter) =>
      jest.spyOn(Date.prototype, getter).mockImplementation(() => {
        throw new Error(`${getter} reads the machine's time zone`);
      }),
    );
    try {
      expect(paymentTime(new Date('2024-08-15T07:30:05Z'))).toBe('20240815143005');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe(vietnamIso.name, () => {
  it('gives the +07:00 form of the topics', () => {
    expect(vietnamIso(new Date('2024-08-15T07:31:22Z'))).toBe('2024-08-15T14:31:22+07:00');
  });
});
