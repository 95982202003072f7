import { paymentReference, REFERENCE_MAX_LENGTH } from './payment-reference';

const requestId = '6f1c2b0e-3a8d-4c5e-9b7a-2d4e6f8a0b1c';

describe(paymentReference.name, () => {
  it('is the same for every retry of an attempt', () => {
    expect(paymentReference(requestId, 1)).toBe(paymentReference(requestId.toUpperCase(), 1));
  });

  it('is at most 20 characters, letters and digits only', () => {
    expect(paymentReference(requestId, 1)).toMatch(/^LT[0-9A-F]+$/);
    expect(paymentReference(requestId, 1).length).toBeLessThanOrEqual(REFERENCE_MAX_LENGTH);
  });

  it('is new for a new attempt after a failure', () => {
    expect(paymentReference(requestId, 2)).not.toBe(paymentReference(requestId, 1));
  });

  it('is unique across many requests and attempts', () => {
    const references = new Set<string>();
    for (let index = 0; index < 10_000; index += 1) {
      const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      references.add(paymentReference(id, 1)).add(paymentReference(id, 2));
    }
    expect(references.size).toBe(20_000);
  });

  it('numbers attempts from 1', () => {
    expect(() => paymentReference(requestId, 0)).toThrow(RangeError);
  });
});
