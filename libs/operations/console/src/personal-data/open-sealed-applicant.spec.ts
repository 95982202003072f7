import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { DossierPrivacy } from '@lienthong/hub';
import { ApplicantSeal, Pseudonymizer } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import type { DeadLetterDetail } from '../dead-letters/dead-letter-index';
import { clearDetail, maskedDetail } from '../dead-letters/dead-letter-view';
import { openSealedApplicant } from './open-sealed-applicant';

const keys = {
  PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
  PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
};

/** The hub's event in clear (as the connector rebuilds it), and as dossier.v1 carries it: sealed. */
const inClear = JSON.parse(
  readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
) as DossierEvent;
const onDossierTopic = (event: DossierEvent, sealKeys = keys): DossierEvent =>
  new DossierPrivacy(new Pseudonymizer('audit-key'), ApplicantSeal.sealing(sealKeys)).canonical(event);
const { name: NAME, identity } = inClear.applicant;
const ID = identity!.number;

/** A national-portal connector's dead letter of this value, as the console's index holds it. */
function letter(value: unknown): DeadLetterDetail {
  return {
    id: 1,
    stage: 'national-portal',
    reason: 'RETRIES_EXHAUSTED_HTTP_503',
    message: 'portal down',
    sourceSystem: 'motcua',
    dossierCode: inClear.dossierCode,
    topic: 'dlq.national-portal.v1',
    partition: 0,
    offset: '4',
    failedAt: '2026-12-01T02:00:00.000Z',
    replayedAt: null,
    replayId: null,
    held: false,
    key: inClear.dossierCode,
    sourceTopic: 'dossier.v1',
    sourcePartition: 0,
    sourceOffset: '9',
    headers: {},
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  };
}

describe(openSealedApplicant.name, () => {
  const sut = openSealedApplicant(ApplicantSeal.opening('clear', keys));

  it('gives a reveal the event with its applicant in clear beside the bytes, which stay sealed', () => {
    const sealed = onDossierTopic(inClear);
    const detail = clearDetail(letter(sealed), sut);

    expect(detail).toMatchObject({ opened: inClear });
    expect(detail).not.toHaveProperty('sealedRefused');
    expect(detail.decoded).toEqual(sealed);
    expect(detail.valueText).toBe(JSON.stringify(sealed));
    expect(detail.valueText).not.toContain(ID);
    expect(detail.valueText).not.toContain(NAME);
  });

  it('opens what was sealed before a key rotation with the previous keys', () => {
    const rotated = {
      PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
      PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
      PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: keys.PERSONAL_DATA_IDENTITY_KEY,
      PERSONAL_DATA_CONTACT_KEY_PREVIOUS: keys.PERSONAL_DATA_CONTACT_KEY,
    };
    const duringRotation = openSealedApplicant(ApplicantSeal.opening('clear', rotated));
    for (const sealedUnder of [keys, rotated]) {
      expect(clearDetail(letter(onDossierTopic(inClear, sealedUnder)), duringRotation)).toMatchObject({
        opened: inClear,
      });
    }
  });

  it('says which part does not open, and still answers, when a part was altered', () => {
    const sealed = onDossierTopic(inClear);
    const bytes = Buffer.from(sealed.sealed!.contact, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const tampered = { ...sealed, sealed: { ...sealed.sealed!, contact: bytes.toString('base64') } };

    const detail = clearDetail(letter(tampered), sut);

    expect(detail).toMatchObject({
      opened: null,
      sealedRefused: expect.stringMatching(
        /sealed contact part does not open with PERSONAL_DATA_CONTACT_KEY/,
      ),
    });
    expect(detail.decoded).toEqual(tampered);
  });

  it('opens nothing of a value that is no dossier.v1 event, and says why', () => {
    const broken = { ...onDossierTopic(inClear), dossierCode: undefined };
    expect(clearDetail(letter(broken), sut)).toMatchObject({
      opened: null,
      sealedRefused: 'not a dossier.v1 event',
    });
  });

  it('leaves a letter with nothing sealed as it was: a source event, an event sent in clear, bytes', () => {
    for (const value of [{ hoSo: { maHoSo: 'X-1', chuHoSo: { hoTen: NAME } } }, inClear, 'garbled']) {
      const detail = clearDetail(letter(value), sut);
      expect(detail).not.toHaveProperty('opened');
      expect(detail).not.toHaveProperty('sealedRefused');
      expect(detail).toEqual(clearDetail(letter(value), () => undefined));
    }
  });

  it('is never used by the masked view: a viewer sees the sealed letter masked, nothing opened', () => {
    const detail = maskedDetail(letter(onDossierTopic(inClear)));
    expect(detail).not.toHaveProperty('opened');
    expect(JSON.stringify(detail)).not.toContain(ID);
    expect(JSON.stringify(detail)).not.toContain(NAME);
  });
});
