import axios from 'axios';
import { consumedUpTo, publish } from '../support/kafka-client';
import { dossierCode, HOAN_KIEM, KpiHarness, type MotcuaStory } from '../support/kpi-harness';
import { PAYMENT_CHANGES, paymentEvents } from '../support/payment-requests';
import { until } from '../support/wait';

jest.setTimeout(150_000);

const PERIOD = 'from=2026-01-01&to=2026-01-31';

/** A January dossier of Hoàn Kiếm with a fee of 50,000 VND, paid at the counter or (its source says) online. */
const story = (serial: number, paidOnline: boolean): MotcuaStory => ({
  serial,
  agency: HOAN_KIEM,
  received: '2026-01-05T08:00:00',
  due: '2026-01-10T17:00:00',
  fee: { paidOnline },
  steps: [
    { status: 'DA_TIEP_NHAN', at: '2026-01-05T08:00:00' },
    { status: 'DANG_XU_LY', at: '2026-01-06T08:00:00' },
  ],
});

interface Counts {
  withFees: number;
  paidOnline: number;
}

/**
 * The online-payment items count confirmed payments: a payment the national platform confirmed through
 * Lienthong (payment.v1, before or after the dossier's events) is paid online; a source's own-gateway
 * flags still count; a failed, initiated or provincial payment.v1 event, or a copy, adds nothing.
 */
describe('the KPI projection counting payments from payment.v1', () => {
  let sut: KpiHarness;
  const confirmedLater = story(801, false);
  const confirmedFirst = story(802, false);
  const ownGateway = story(803, true);
  const failedPayment = story(804, false);
  const provincialPayment = story(805, false);
  const counts = async () =>
    (await axios.get<{ city: { counts: Counts } }>(`${sut.dashboardUrl}/kpi/api/ranking?${PERIOD}`)).data.city
      ?.counts;

  beforeAll(async () => {
    sut = await new KpiHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('counts a national confirmation as paid online, and nothing else from payment.v1', async () => {
    const { initiated, paid, failed } = PAYMENT_CHANGES;
    // Confirmed before the dossier's first event reaches the read model.
    const early = paymentEvents(dossierCode(confirmedFirst));
    await publish(sut.topics.payment, [early(initiated), early(paid)]);
    await until('the early confirmation projected', async () =>
      (await consumedUpTo(sut.topics.group('lienthong.kpi'), sut.topics.payment)) ? true : undefined,
    );
    await sut.publishStories([confirmedLater, confirmedFirst, ownGateway, failedPayment, provincialPayment]);
    const before = await until('the five dossiers projected', async () => {
      const now = await counts();
      return now?.withFees === 5 ? now : undefined;
    });
    // The early confirmation and the source's own gateway.
    expect(before.paidOnline).toBe(2);

    const later = paymentEvents(dossierCode(confirmedLater));
    const paidLater = later(paid, 'kpi-paid-later');
    const failing = paymentEvents(dossierCode(failedPayment));
    const provincial = paymentEvents(dossierCode(provincialPayment), 'provincial');
    await publish(sut.topics.payment, [
      failing(initiated),
      failing(failed),
      provincial({ state: 'paid', platformTransactionId: 'GW-1' }),
      later(initiated),
      paidLater,
      paidLater,
    ]);
    await until('every payment.v1 event projected', async () =>
      (await consumedUpTo(sut.topics.group('lienthong.kpi'), sut.topics.payment)) ? true : undefined,
    );
    expect(await counts()).toMatchObject({ withFees: 5, paidOnline: 3 });
    const rows = await sut.withDatabase(
      async (client) =>
        (
          await client.query<{
            dossier_code: string;
            paid_national_platform: boolean;
            paid_own_gateway: boolean;
          }>(
            `SELECT dossier_code, paid_national_platform, paid_own_gateway FROM ${sut.schema}.kpi_dossiers
             WHERE paid_online ORDER BY dossier_code`,
          )
        ).rows,
    );
    expect(rows).toEqual([
      { dossier_code: dossierCode(confirmedLater), paid_national_platform: true, paid_own_gateway: false },
      { dossier_code: dossierCode(confirmedFirst), paid_national_platform: true, paid_own_gateway: false },
      { dossier_code: dossierCode(ownGateway), paid_national_platform: false, paid_own_gateway: true },
    ]);
  });
});
