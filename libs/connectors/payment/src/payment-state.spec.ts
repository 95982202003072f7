import { nextPaymentState, type PaymentFact, type PaymentState, type Transition } from './payment-state';

const move = (to: PaymentState): Transition => ({ kind: 'move', to });
const keep = (why: 'same' | 'final' | 'pending' | 'not-initiated'): Transition => ({ kind: 'keep', why });
const conflict = (held: PaymentState, reported: PaymentFact): Transition => ({
  kind: 'conflict',
  held,
  reported,
});

describe(nextPaymentState.name, () => {
  it.each<[PaymentState | undefined, PaymentFact, Transition]>([
    [undefined, 'initiated', move('initiated')],
    [undefined, 'refused', move('refused')],
    [undefined, 'paid', keep('not-initiated')],
    [undefined, 'failed', keep('not-initiated')],
    [undefined, 'pending', keep('pending')],
    ['initiated', 'initiated', keep('same')],
    ['initiated', 'paid', move('paid')],
    ['initiated', 'failed', move('failed')],
    ['initiated', 'refused', move('refused')],
    ['initiated', 'pending', keep('pending')],
    ['paid', 'paid', keep('same')],
    ['paid', 'failed', conflict('paid', 'failed')],
    ['paid', 'refused', keep('final')],
    ['paid', 'initiated', keep('final')],
    ['paid', 'pending', keep('pending')],
    ['failed', 'failed', keep('same')],
    ['failed', 'paid', conflict('failed', 'paid')],
    ['failed', 'refused', keep('final')],
    ['failed', 'initiated', keep('final')],
    ['refused', 'refused', keep('same')],
    ['refused', 'paid', conflict('refused', 'paid')],
    ['refused', 'failed', keep('final')],
    ['refused', 'initiated', keep('final')],
  ])('from %s, a fact %s: %j', (current, fact, expected) => {
    expect(nextPaymentState(current, fact)).toEqual(expected);
  });

  it('never moves a paid payment anywhere', () => {
    const facts: PaymentFact[] = ['initiated', 'refused', 'paid', 'failed', 'pending'];
    expect(facts.map((fact) => nextPaymentState('paid', fact).kind)).not.toContain('move');
  });
});
