import { parseFaultPlan } from './fault-plan';

describe(parseFaultPlan.name, () => {
  it('draws from the transport faults unless a plan names its kinds', () => {
    expect(parseFaultPlan('{"rate":0.5}')).toMatchObject({
      rate: 0.5,
      kinds: ['5xx', '429', 'timeout', 'drop'],
    });
  });

  it('takes every kind by name, the HTML error page included', () => {
    const kinds = ['5xx', '429', 'timeout', 'drop', 'html'];

    expect(parseFaultPlan({ rate: 1, kinds }).kinds).toEqual(kinds);
  });

  it.each([
    ['an unknown kind', { kinds: ['teapot'] }, /kinds must be a list of 5xx, 429, timeout, drop, html/],
    ['a rate above 1', { rate: 2 }, /rate/],
    ['a negative latency', { latencyMs: -1 }, /latencyMs/],
  ])('refuses %s, naming the field', (_, plan, reason) => {
    expect(() => parseFaultPlan(plan)).toThrow(reason);
  });
});
