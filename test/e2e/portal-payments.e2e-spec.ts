import { paymentEventId } from '@lienthong/payment';
import type { PortalDossier } from '@lienthong/schemas';
import { consumedUpTo, publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { PAYMENT_CHANGES, paymentEvents } from '../support/payment-requests';
import { freshSampleDossier, loadFixtureDossiers } from '../support/source-fixtures';
import { until } from '../support/wait';

jest.setTimeout(240_000);

/**
 * motcua's sample dossier 9002: events 1–2 (status 1, then 2) with its fee not paid, event 3 (status 4)
 * with it paid online (daThanhToan, TRUC_TUYEN: the province's own gateway, as the source says).
 */
const sample = loadFixtureDossiers('motcua').find(({ dossierCode }) => dossierCode.endsWith('-9002'))!;
const UNPAID = [0, 1];
const PAID_BY_OWN_GATEWAY = [0, 1, 2];
const received = (held: PortalDossier) => held.TrangThaiHoSo === '2';
const inProcess = (held: PortalDossier) => held.TrangThaiHoSo === '4';

/**
 * The portal connector following payment.v1 on the real broker, PostgreSQL and the portal sandbox:
 * DuocThanhToanTrucTuyen 1 exactly for the dossiers whose payment the national platform confirmed
 * through Lienthong (before or after the dossier reached the portal), 2 for a payment the source says
 * the province's own gateway took, 0 otherwise; a copy of an event and a later failed attempt change nothing.
 */
describe('the portal following payment.v1', () => {
  let sut: LienthongHarness;
  let nextSerial = 77001;

  /** A dossier never seen before: its code, and a way to send its source events (the sample's, by index). */
  const newDossier = () => {
    const dossier = freshSampleDossier(sample, nextSerial++);
    return {
      code: dossier.code,
      send: (indexes: number[]) => publish(sut.topics.source('motcua'), dossier.records(indexes)),
    };
  };

  const { initiated, paid, failed } = PAYMENT_CHANGES;

  const atPortal = (code: string, done: (held: PortalDossier) => boolean) =>
    until(`${code} at the portal`, async () => {
      const held = await sut.portal.lookup(code);
      return held && done(held) ? held : undefined;
    });
  /** Whether the portal connector has handled every payment.v1 event published so far. */
  const paymentsFollowed = () =>
    consumedUpTo(`${sut.topics.connectorGroup('national-portal')}.follow`, sut.topics.payment);
  const confirmations = (code: string) =>
    sut.withDatabase(async (client) => {
      const { rows } = await client.query(
        `SELECT * FROM ${sut.schema}.portal_payment_confirmations WHERE dossier_code = $1`,
        [code],
      );
      return rows;
    });

  beforeAll(async () => {
    sut = await new LienthongHarness().start({ CONNECTOR_BACKOFF_INITIAL_MS: '50' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('sends 1 for confirmed payments, at first delivery or as an amendment, 2 for the own gateway, 0 otherwise', async () => {
    const confirmedFirst = newDossier();
    const confirmedLater = newDossier();
    const ownGateway = newDossier();
    const notPaid = newDossier();
    const paidProvincially = newDossier();

    // Confirmed before the dossier reaches the portal: kept, applied at its first delivery.
    const early = paymentEvents(confirmedFirst.code);
    await publish(sut.topics.payment, [early(initiated), early(paid)]);
    await until('the early confirmation kept', async () =>
      (await confirmations(confirmedFirst.code)).length === 1 ? true : undefined,
    );
    await confirmedFirst.send(UNPAID);
    await ownGateway.send(PAID_BY_OWN_GATEWAY);
    await notPaid.send(UNPAID);
    await paidProvincially.send(UNPAID);
    await confirmedLater.send(UNPAID);

    const first = await atPortal(confirmedFirst.code, received);
    expect(first.DuocThanhToanTrucTuyen).toBe('1');
    expect(first.DanhSachLePhi).toEqual([expect.objectContaining({ HinhThucThu: '2', Gia: '75000' })]);
    const before = await atPortal(confirmedLater.code, received);
    expect(before.DuocThanhToanTrucTuyen).toBe('0');
    expect(before.DanhSachLePhi).toEqual([expect.objectContaining({ HinhThucThu: '1' })]);
    const gateway = await atPortal(ownGateway.code, inProcess);
    // The source's own flags (daThanhToan with TRUC_TUYEN) never make a 1.
    expect(gateway.DuocThanhToanTrucTuyen).toBe('2');
    expect(gateway.DanhSachLePhi).toEqual([expect.objectContaining({ HinhThucThu: '2' })]);

    // Confirmed once the dossier is at the portal: amended there; a copy (same ce_id) adds nothing.
    const later = paymentEvents(confirmedLater.code);
    const paidLater = later(paid, 'paid-later');
    await publish(sut.topics.payment, [later(initiated), paidLater, paidLater]);
    // Not confirmed: a failed payment, an initiated one, a provincial channel's paid event.
    const failing = paymentEvents(notPaid.code);
    const provincial = paymentEvents(paidProvincially.code, 'provincial');
    await publish(sut.topics.payment, [
      failing(initiated),
      failing(failed),
      provincial({ state: 'paid', platformTransactionId: 'GW-1' }),
      { key: notPaid.code, value: '{"not": "a payment.v1 event"}' },
    ]);

    const amended = await atPortal(confirmedLater.code, (held) => held.DuocThanhToanTrucTuyen === '1');
    expect(amended.DanhSachLePhi).toEqual([expect.objectContaining({ HinhThucThu: '2' })]);
    expect(await confirmations(confirmedLater.code)).toEqual([
      expect.objectContaining({ event_id: paymentEventId('paid-later'), reference: expect.any(String) }),
    ]);
    await until('every payment.v1 event followed', async () =>
      (await paymentsFollowed()) ? true : undefined,
    );
    for (const { code } of [notPaid, paidProvincially]) {
      const held = await atPortal(code, received);
      expect(held.DuocThanhToanTrucTuyen).toBe('0');
      expect(await confirmations(code)).toEqual([]);
    }
    for (const { code } of [confirmedFirst, confirmedLater, ownGateway, notPaid, paidProvincially]) {
      expect((await sut.portal.held(code)).creates).toBe(1);
    }
  });

  it('never takes a confirmed payment back: a later failed attempt or a newer source event keeps the 1', async () => {
    const dossier = newDossier();
    await dossier.send([0]);
    await atPortal(dossier.code, () => true);
    const attempt = paymentEvents(dossier.code);
    await publish(sut.topics.payment, [attempt(initiated), attempt(paid)]);
    await atPortal(dossier.code, (held) => held.DuocThanhToanTrucTuyen === '1');

    // Another attempt failing afterwards, then the source's next step (its fee still unpaid there).
    const retry = paymentEvents(dossier.code);
    await publish(sut.topics.payment, [retry(initiated), retry(failed)]);
    await until('every payment.v1 event followed', async () =>
      (await paymentsFollowed()) ? true : undefined,
    );
    await dossier.send([1]);
    const newer = await atPortal(dossier.code, received);
    expect(newer.DuocThanhToanTrucTuyen).toBe('1');
    expect(newer.DanhSachLePhi).toEqual([expect.objectContaining({ HinhThucThu: '2' })]);
    expect(await confirmations(dossier.code)).toHaveLength(1);
  });
});
