import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { DossierPrivacy } from '@lienthong/hub';
import { HubHeader } from '@lienthong/kafka';
import { ApplicantSeal, Pseudonymizer } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import axios from 'axios';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { HOAN_KIEM } from '../support/kpi-harness';
import { motcuaEvent } from '../support/lifecycles';

jest.setTimeout(180_000);

const key = () => randomBytes(32).toString('base64');
const before = { PERSONAL_DATA_IDENTITY_KEY: key(), PERSONAL_DATA_CONTACT_KEY: key() };
const after = { PERSONAL_DATA_IDENTITY_KEY: key(), PERSONAL_DATA_CONTACT_KEY: key() };

/**
 * A seal key rotated without a pause (docs/runbook.md): the portal connector holds the new keys and the
 * old ones as previous, the hub seals with the new ones; a record the hub sealed before the rotation,
 * still on dossier.v1, reaches the portal in clear beside one sealed after it, and the connector counts
 * what only the previous key opened, so operators know when to drop it.
 */
describe('a seal key rotation', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      ...after,
      PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: before.PERSONAL_DATA_IDENTITY_KEY,
      PERSONAL_DATA_CONTACT_KEY_PREVIOUS: before.PERSONAL_DATA_CONTACT_KEY,
    });
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('delivers what was sealed after it and before it, counting only the parts the previous key opened', async () => {
    const openedWithPrevious = async (part: string) => {
      const { data } = await axios.get<string>(`${sut.url('connector')}/metrics`);
      const line = new RegExp(
        `^lienthong_sealed_parts_opened_with_previous_key_total\\{part="${part}"\\} (\\d+)$`,
        'm',
      );
      return Number(line.exec(data)?.[1] ?? 0);
    };
    // Sealed by the running hub under the new keys: opened with them, the previous key never counted.
    const sealedAfter = `${HOAN_KIEM.maDinhDanh}-261206-${String(Date.now() % 10_000).padStart(4, '0')}`;
    const applicant = { loai: 'CONG_DAN', hoTen: 'Trần Văn Bình', dienThoai: '0912000111' };
    await publish(sut.topics.source('motcua'), [
      { key: sealedAfter, value: JSON.stringify(motcuaEvent(sealedAfter, applicant)) },
    ]);
    expect(await eventually(() => sut.portal.lookup(sealedAfter), Boolean)).toMatchObject({
      ChuHoSo: 'Trần Văn Bình',
      SoDienThoai: '0912000111',
    });
    expect(await openedWithPrevious('identity')).toBe(0);

    // As the hub wrote it before the rotation: its privacy step, sealing with the old keys.
    const sealedBefore = JSON.parse(
      readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
    ) as DossierEvent;
    const oldHub = new DossierPrivacy(
      new Pseudonymizer(randomBytes(32).toString('base64')),
      ApplicantSeal.sealing(before),
    );
    await publish(sut.topics.dossier, [
      {
        key: sealedBefore.dossierCode,
        value: JSON.stringify(oldHub.canonical(sealedBefore)),
        headers: { [HubHeader.Routes]: 'national-portal' },
      },
    ]);
    expect(await eventually(() => sut.portal.lookup(sealedBefore.dossierCode), Boolean)).toMatchObject({
      ChuHoSo: sealedBefore.applicant.name,
      SoDienThoai: sealedBefore.applicant.phone,
    });
    for (const part of ['identity', 'contact'])
      expect(await openedWithPrevious(part)).toBeGreaterThanOrEqual(1);
  });
});
