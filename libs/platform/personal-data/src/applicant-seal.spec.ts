import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import type { DossierEvent } from '@lienthong/schemas';
import { ApplicantSeal, SealedPartRefused } from './applicant-seal';
import { openingKeysSpec, sealKeysSpec } from './sealed-parts.config';

const keys = {
  PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
  PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
};

const dossier = (): DossierEvent => {
  const event = JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
  ) as DossierEvent;
  return {
    ...event,
    summary: 'Đăng ký khai sinh cho con của Nguyễn Thùy Hoa',
    applicant: { ...event.applicant, phone: '0912345678', email: 'hoa@example.vn', code: 'CD-77' },
  };
};

/** dossier.v1's form: nothing personal in the open, both parts sealed (the hub's DossierPrivacy). */
const onDossierTopic = (event: DossierEvent): DossierEvent => ({
  ...event,
  summary: null,
  applicant: {
    type: event.applicant.type,
    name: 'pseudonym:ab12',
    identity: null,
    birthDate: null,
    phone: null,
    email: null,
    code: null,
    vneidVerified: event.applicant.vneidVerified,
    masked: 'N****** T**** H**',
  },
  sealed: ApplicantSeal.sealing(keys).seal(event),
});

describe(ApplicantSeal.name, () => {
  it('gives the clear profile the applicant and summary as the hub mapped them', () => {
    const event = dossier();
    expect(ApplicantSeal.opening('clear', keys).open(onDossierTopic(event))).toEqual(event);
  });

  it('gives the identity profile the ID, name and birth date, and cannot open the contact part', () => {
    const event = dossier();
    const sealed = onDossierTopic(event);
    const sut = ApplicantSeal.opening('identity', {
      PERSONAL_DATA_IDENTITY_KEY: keys.PERSONAL_DATA_IDENTITY_KEY,
    });

    const opened = sut.open(sealed);

    const { name, identity, birthDate } = event.applicant;
    expect(opened.applicant).toMatchObject({
      name,
      identity,
      birthDate,
      phone: null,
      email: null,
      code: null,
    });
    expect(opened.summary).toBeNull();
    expect(opened).not.toHaveProperty('sealed');
    expect(opened.applicant).not.toHaveProperty('masked');
    // Its key is not the contact part's: that part stays closed to it whatever it tries.
    const contactOnly = { ...sealed, sealed: { ...sealed.sealed!, identity: sealed.sealed!.contact } };
    expect(() => sut.open(contactOnly)).toThrow(SealedPartRefused);
  });

  it('gives the pseudonym profile none of it, with no key at all', () => {
    const sealed = onDossierTopic(dossier());
    const opened = ApplicantSeal.opening('pseudonym', {}).open(sealed);
    const applicant = { ...sealed.applicant };
    delete applicant.masked;
    expect(opened).toEqual({ ...sealed, sealed: undefined, applicant });
  });

  it('refuses a part altered on the way, or moved from another event', () => {
    const sut = ApplicantSeal.opening('clear', keys);
    const sealed = onDossierTopic(dossier());
    const bytes = Buffer.from(sealed.sealed!.contact, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const tampered = { ...sealed, sealed: { ...sealed.sealed!, contact: bytes.toString('base64') } };
    expect(() => sut.open(tampered)).toThrow(
      /sealed contact part does not open with PERSONAL_DATA_CONTACT_KEY/,
    );

    const other = onDossierTopic({ ...dossier(), dossierCode: '000.00.12.H26-240815-0001' });
    const moved = { ...sealed, sealed: other.sealed };
    expect(() => sut.open(moved)).toThrow(expect.objectContaining({ code: 'SEALED_PART_REFUSED' }));
  });

  it('takes an event with nothing sealed as it is (sent by hand to a route topic)', () => {
    const event = dossier();
    expect(ApplicantSeal.opening('identity', keys).open(event)).toBe(event);
  });

  it('refuses to start a profile without its keys, naming each', () => {
    expect(() => ApplicantSeal.opening('identity', {})).toThrow(/PERSONAL_DATA_IDENTITY_KEY \(/);
    expect(() =>
      ApplicantSeal.opening('clear', { PERSONAL_DATA_IDENTITY_KEY: keys.PERSONAL_DATA_IDENTITY_KEY }),
    ).toThrow(/PERSONAL_DATA_CONTACT_KEY \(/);
  });

  it('reads its keys at start-up only as 32 bytes in base64, naming a bad one', () => {
    expect(readConfig(sealKeysSpec, keys).PERSONAL_DATA_CONTACT_KEY).toBe(keys.PERSONAL_DATA_CONTACT_KEY);
    expect(() =>
      readConfig(sealKeysSpec, { ...keys, PERSONAL_DATA_IDENTITY_KEY: randomBytes(16).toString('base64') }),
    ).toThrow(/PERSONAL_DATA_IDENTITY_KEY \(not 32 bytes in base64/);
    expect(() => readConfig(sealKeysSpec, { ...keys, PERSONAL_DATA_CONTACT_KEY: 'a passphrase' })).toThrow(
      /PERSONAL_DATA_CONTACT_KEY \(/,
    );
  });

  describe('during a rotation', () => {
    const rotated = {
      PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
      PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
    };
    const duringRotation = {
      ...rotated,
      PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: keys.PERSONAL_DATA_IDENTITY_KEY,
      PERSONAL_DATA_CONTACT_KEY_PREVIOUS: keys.PERSONAL_DATA_CONTACT_KEY,
    };

    it('opens what was sealed under the previous keys and under the new ones, telling of the previous', () => {
      const event = dossier();
      const openedWithPrevious: string[] = [];
      const sut = ApplicantSeal.opening('clear', duringRotation, (part) => openedWithPrevious.push(part));

      expect(sut.open(onDossierTopic(event))).toEqual(event);
      expect(openedWithPrevious).toEqual(['identity', 'contact']);
      const sealedNew = { ...onDossierTopic(event), sealed: ApplicantSeal.sealing(rotated).seal(event) };
      expect(sut.open(sealedNew)).toEqual(event);
      expect(openedWithPrevious).toEqual(['identity', 'contact']);
    });

    it('refuses what neither key opens, and what the previous key opens once it is dropped', () => {
      const sealedOld = onDossierTopic(dossier());
      const stranger = randomBytes(32).toString('base64');
      const withOtherPrevious = ApplicantSeal.opening('identity', {
        PERSONAL_DATA_IDENTITY_KEY: rotated.PERSONAL_DATA_IDENTITY_KEY,
        PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: stranger,
      });
      expect(() => withOtherPrevious.open(sealedOld)).toThrow(SealedPartRefused);
      expect(() => ApplicantSeal.opening('clear', rotated).open(sealedOld)).toThrow(SealedPartRefused);
    });

    it('reads a previous key as optional, and only as 32 bytes in base64 when set', () => {
      expect(readConfig(openingKeysSpec, keys).PERSONAL_DATA_IDENTITY_KEY_PREVIOUS).toBe('');
      expect(readConfig(openingKeysSpec, duringRotation).PERSONAL_DATA_CONTACT_KEY_PREVIOUS).toBe(
        keys.PERSONAL_DATA_CONTACT_KEY,
      );
      expect(() =>
        readConfig(openingKeysSpec, { ...keys, PERSONAL_DATA_CONTACT_KEY_PREVIOUS: 'the old one' }),
      ).toThrow(/PERSONAL_DATA_CONTACT_KEY_PREVIOUS \(not 32 bytes in base64/);
    });
  });
});
