import { citizenRecordFixture } from './citizen-record.fixture';
import { checkIdentity, type IdentitySubject } from './identity-check';
import type { CitizenRecord } from './population.contract';

const answer = { checkedAt: '2024-08-15T02:30:00.000Z', requestId: 'r1' };
const cuong: CitizenRecord = {
  SoDinhDanh: '001068403043',
  HoVaTen: { Ten: 'ĐỖ VĂN CƯỜNG' },
  GioiTinh: '1',
  NgayThangNamSinh: { NgayThangNam: '19680722', Nam: '1968' },
};
const subject: IdentitySubject = {
  identity: { kind: 'CCCD', number: '001068403043' },
  fullName: 'Đỗ Văn Cường',
  birthDate: '1968-07-22',
};

describe(checkIdentity.name, () => {
  it('verifies a whole name in Ten against the dossier’s name, keeping the database’s spelling', () => {
    expect(checkIdentity(subject, cuong, answer)).toMatchObject({
      verified: true,
      citizen: { fullName: 'ĐỖ VĂN CƯỜNG', sex: 'male', birthDate: '1968-07-22' },
    });
  });

  it('verifies a name split over Ho, ChuDem and Ten, in any case, accents and spacing', () => {
    const split = { ...cuong, HoVaTen: { Ho: 'Đỗ', ChuDem: 'Văn', Ten: 'Cường' } };
    for (const fullName of ['ĐỖ VĂN CƯỜNG', 'do van cuong', 'Đỗ Văn  Cường']) {
      expect(checkIdentity({ ...subject, fullName }, split, answer)).toMatchObject({ verified: true });
    }
  });

  it('verifies an old-card holder on SoCMND, whose record may know only the birth year', () => {
    const tam: CitizenRecord = {
      SoCMND: '012345678',
      HoVaTen: { Ten: 'LÊ VĂN TÁM' },
      NgayThangNamSinh: { Nam: '1955' },
    };
    const holder: IdentitySubject = {
      identity: { kind: 'CMND', number: '012345678' },
      fullName: 'Lê Văn Tám',
      birthDate: '1955-03-01',
    };
    expect(checkIdentity(holder, tam, answer)).toMatchObject({
      verified: true,
      citizen: { fullName: 'LÊ VĂN TÁM', sex: null, birthDate: null },
    });
    expect(checkIdentity({ ...holder, birthDate: '1956-03-01' }, tam, answer)).toMatchObject({
      reason: 'birth_date_mismatch',
    });
  });

  it.each<[string, IdentitySubject, CitizenRecord | undefined]>([
    ['not_found', subject, undefined],
    ['id_mismatch', subject, { ...cuong, SoDinhDanh: '001068403044' }],
    // An old card is compared with SoCMND, never with SoDinhDanh.
    ['id_mismatch', { ...subject, identity: { kind: 'CMND', number: '012345678' } }, cuong],
    ['name_mismatch', { ...subject, fullName: 'Đỗ Văn Cảnh' }, cuong],
    ['name_mismatch', { ...subject, fullName: 'Đỗ Văn' }, cuong],
    ['birth_date_mismatch', { ...subject, birthDate: '1968-07-23' }, cuong],
    ['birth_date_mismatch', subject, { ...cuong, NgayThangNamSinh: undefined }],
  ])('does not verify: %s', (reason, who, record) => {
    expect(checkIdentity(who, record, answer)).toMatchObject({ verified: false, reason, citizen: null });
  });

  it('keeps only name, sex and birth date of a verified citizen', () => {
    const check = checkIdentity(
      {
        ...subject,
        identity: { kind: 'CCCD', number: '001092008262' },
        fullName: 'Nguyễn Thùy Hoa',
        birthDate: '1992-08-02',
      },
      citizenRecordFixture,
      answer,
    );
    expect(check.verified).toBe(true);
    expect(JSON.stringify(check)).not.toMatch(/Hàng Bạc|Không/);
  });
});
