import { PermanentError, RetriableError } from '@lienthong/connector-runtime';
import type { PaymentEvent, PaymentRequest } from '@lienthong/schemas';
import type { PaymentChanges } from './callback/payment-changes';
import { goldenJson } from './golden-payment.fixture';
import { PaymentConnector } from './payment.connector';
import type { PaymentService } from './payment-service';

const request = goldenJson<PaymentRequest>('source/payment-request.json');
const initiated = { requestId: request.requestId, reference: 'LT1', state: 'initiated' } as PaymentEvent;

function build(initiate: () => Promise<PaymentEvent | undefined>) {
  const changes = { onChange: jest.fn(async () => undefined) };
  const service = { initiate: jest.fn(initiate) };
  const sut = new PaymentConnector(
    service as unknown as PaymentService,
    ['motcua'],
    changes as PaymentChanges,
  );
  return { sut, service, changes };
}

describe(PaymentConnector.name, () => {
  it('initiates the request, asks the relay to publish its change and keeps the change in the ledger', async () => {
    const { sut, service, changes } = build(async () => initiated);

    const delivered = await sut.deliver(request);

    expect(service.initiate).toHaveBeenCalledWith(request);
    expect(changes.onChange).toHaveBeenCalledWith(initiated);
    expect(delivered).toMatchObject({
      state: { created: true, record: { reference: 'LT1' } },
      answer: initiated,
    });
  });

  it('publishes nothing when the request changed nothing (seen before)', async () => {
    const { sut, changes } = build(async () => undefined);

    expect((await sut.deliver(request)).answer).toBeNull();
    expect(changes.onChange).not.toHaveBeenCalled();
  });

  it.each([new RetriableError('PAYMENT_HTTP_503', 'down'), new PermanentError('PAYMENT_HTTP_400', 'no')])(
    "lets the runtime handle the platform's %s",
    async (failure) => {
      const { sut, changes } = build(async () => {
        throw failure;
      });

      await expect(sut.deliver(request)).rejects.toBe(failure);
      expect(changes.onChange).not.toHaveBeenCalled();
    },
  );
});
