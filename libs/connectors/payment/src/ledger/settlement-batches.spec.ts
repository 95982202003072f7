import type { PaymentRecord } from './payment-record';
import type { Settled, SettlementFact } from './settle-locked';
import { SettlementBatches } from './settlement-batches';

/** A ledger whose transactions finish when the test says, recording the facts of each. */
function heldLedger() {
  const transactions: { facts: readonly SettlementFact[]; finish: (error?: Error) => void }[] = [];
  const ledger = {
    settleAll: (facts: readonly SettlementFact[]) =>
      new Promise<Settled[]>((resolve, reject) =>
        transactions.push({
          facts,
          finish: (error) =>
            error
              ? reject(error)
              : resolve(facts.map(({ reference }) => ({ before: { reference } as PaymentRecord }))),
        }),
      ),
  };
  return { ledger, transactions };
}

const fact = (reference: string): SettlementFact => ({ reference, decide: () => undefined, at: new Date(0) });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(SettlementBatches.name, () => {
  it('applies a fact alone at once when nothing else runs', async () => {
    const { ledger, transactions } = heldLedger();
    const sut = new SettlementBatches(ledger);

    const settled = sut.settle(fact('A'));

    expect(transactions.map(({ facts }) => facts.map(({ reference }) => reference))).toEqual([['A']]);
    transactions[0].finish();
    expect((await settled).before?.reference).toBe('A');
  });

  it('gathers the facts that arrive while transactions run into the next one, each answered its own', async () => {
    const { ledger, transactions } = heldLedger();
    const sut = new SettlementBatches(ledger);
    const first = ['A', 'B', 'C', 'D'].map((reference) => sut.settle(fact(reference)));
    const waiting = ['E', 'F', 'G'].map((reference) => sut.settle(fact(reference)));

    expect(transactions).toHaveLength(4);
    transactions[0].finish();
    await flush();

    expect(transactions[4].facts.map(({ reference }) => reference)).toEqual(['E', 'F', 'G']);
    for (const transaction of transactions.slice(1)) transaction.finish();
    const references = (await Promise.all([...first, ...waiting])).map(({ before }) => before?.reference);
    expect(references).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('fails every fact of a failed transaction, and goes on with the next', async () => {
    const { ledger, transactions } = heldLedger();
    const sut = new SettlementBatches(ledger);
    const running = ['A', 'B', 'C', 'D'].map((reference) => sut.settle(fact(reference)));
    const together = ['E', 'F'].map((reference) => sut.settle(fact(reference)));
    transactions[0].finish();
    await flush();

    transactions[4].finish(new Error('connection lost'));
    for (const transaction of transactions.slice(1, 4)) transaction.finish();

    await expect(Promise.all(running)).resolves.toHaveLength(4);
    for (const settled of together) await expect(settled).rejects.toThrow('connection lost');
    const later = sut.settle(fact('H'));
    expect(transactions).toHaveLength(6);
    transactions[5].finish();
    expect((await later).before?.reference).toBe('H');
  });
});
