import { HubHeader } from '@lienthong/kafka';
import type { IdentityVerifiedEvent } from '@lienthong/population';
import { CITIZENS } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { consumedUpTo, publish, readTopic } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { HOAN_KIEM } from '../support/kpi-harness';
import { motcuaEvent } from '../support/lifecycles';

jest.setTimeout(180_000);

/**
 * The hub writes each event once, to dossier.v1, naming the connectors the rules chose; every connector
 * reads that topic and takes only its own events: the portal all of them with the applicant in clear,
 * the population check citizens only, the documents exchange results only.
 */
describe('one dossier.v1 record per event, read by every connector', () => {
  let sut: LienthongHarness;
  const serial = String(Date.now() % 10_000).padStart(4, '0');
  const business = `${HOAN_KIEM.maDinhDanh}-261206-${serial}`;
  const citizenCode = `${HOAN_KIEM.maDinhDanh}-261207-${serial}`;
  const citizen = CITIZENS[42];
  const company = {
    loai: 'DOANH_NGHIEP',
    hoTen: 'Công ty TNHH Ánh Dương',
    dienThoai: '0243999888',
    email: 'lienhe@anhduong.vn',
  };

  beforeAll(async () => {
    sut = await new LienthongHarness().start({}, { population: true, documents: true });
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('skips at the population and documents connectors what is not routed to them, and the portal gets the applicant in clear', async () => {
    // Routed to the portal only: not a citizen (no population check), no results (no edXML).
    await publish(sut.topics.source('motcua'), [
      { key: business, value: JSON.stringify(motcuaEvent(business, company)) },
    ]);
    const held = await eventually(
      () => sut.portal.lookup(business),
      (record) => record !== undefined,
    );
    expect(held).toMatchObject({
      ChuHoSo: company.hoTen,
      SoDienThoai: company.dienThoai,
      Email: company.email,
      LoaiDoiTuong: '2',
    });

    // A citizen after it: routed to the portal and the population check.
    await publish(sut.topics.source('motcua'), [
      {
        key: citizenCode,
        value: JSON.stringify(
          motcuaEvent(citizenCode, {
            loai: 'CONG_DAN',
            hoTen: citizen.fullName,
            soDinhDanh: citizen.personalId,
            ngaySinh: citizen.birthDate,
            dienThoai: '0912345678',
          }),
        ),
      },
    ]);
    const [verified] = await readTopic(sut.topics.identityVerified, 1, 60_000);
    expect((JSON.parse(String(verified.value)) as IdentityVerifiedEvent).dossierCode).toBe(citizenCode);
    expect(await eventually(() => sut.portal.lookup(citizenCode), Boolean)).toMatchObject({
      ChuHoSo: citizen.fullName,
      SoGiayToChuHoSo: citizen.personalId,
      SoDienThoai: '0912345678',
    });

    const written = await readTopic(sut.topics.dossier, 2);
    expect(written.map(({ key, headers }) => [key, headers[HubHeader.Routes]])).toEqual(
      expect.arrayContaining([
        [business, 'national-portal'],
        [citizenCode, 'national-portal,population'],
      ]),
    );
    // Both connectors read every record of dossier.v1 and committed past it.
    for (const connector of ['population', 'documents']) {
      expect(
        await eventually(
          () => consumedUpTo(sut.topics.connectorGroup(connector), sut.topics.dossier),
          Boolean,
          30_000,
        ),
      ).toBe(true);
    }
    // Skipped: no ledger row, no dead letter; only the population check of the citizen is in a ledger.
    const ledger = await sut.withDatabase(
      async (client) =>
        (
          await client.query<{ connector: string; dossier_code: string }>(
            `SELECT connector, dossier_code FROM ${sut.schema}.delivery_ledger ORDER BY connector, dossier_code`,
          )
        ).rows,
    );
    expect(ledger).toEqual([
      { connector: 'national-portal', dossier_code: business },
      { connector: 'national-portal', dossier_code: citizenCode },
      { connector: 'population', dossier_code: citizenCode },
    ]);
    for (const connector of ['population', 'documents']) {
      expect(await readTopic(sut.topics.deadLetter(connector), 1, 1_000)).toEqual([]);
    }
    expect(await readTopic(sut.topics.identityVerified, 2, 2_000)).toHaveLength(1);
  });
});
