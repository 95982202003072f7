import { eventIdOf } from './event-id';

describe(eventIdOf.name, () => {
  it('joins system and id with the separator the ledger and the trail have stored', () => {
    const sut = eventIdOf({ sourceSystem: 'motcua', sourceEventId: 'E-1' });

    expect(sut).toBe('motcua/E-1');
  });
});
