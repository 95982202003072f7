import { CITIZENS, type Citizen } from '@lienthong/simulator';
import { GatewaySex, type NameStyle } from './gateway.contract';

export interface CitizenAddress {
  MaTinhThanh: string;
  MaQuanHuyen: string;
  MaPhuongXa: string;
  ChiTiet: string;
  QuocGia: string;
}

/** A citizen as the database holds them: more than a dossier needs, so minimisation can be checked. */
export interface CitizenRecord {
  SoDinhDanh: string;
  /** The 9-digit old card, for a citizen who had one; '' otherwise. */
  SoCMND: string;
  HoVaTen: { Ho: string; ChuDem: string; Ten: string };
  GioiTinh: string;
  DanToc: string;
  TonGiao: string;
  NgayThangNamSinh: { NgayThangNam: string; Nam: string };
  ThuongTru: CitizenAddress;
  NoiOHienTai: CitizenAddress;
  QueQuan: CitizenAddress;
  QuocTich: string;
  ChuHo: { QuanHe: string; SoDinhDanh: string; HoVaTen: string };
}

/** What a lookup asks for: one of the two IDs, and whatever else the caller gave. */
export interface CitizenCriteria {
  personalId?: string;
  oldCardNumber?: string;
  fullName?: string;
  /** yyyyMMdd */
  birthDate?: string;
  birthYear?: string;
}

/** A person of the registry, with the old ID card they had, if any. */
export interface RegisteredPerson {
  citizen: Citizen;
  oldCardNumber?: string;
}

/**
 * A name as the database compares it: upper case, accents removed (Đ as D), spaces removed, so a name
 * split over Ho, ChuDem and Ten equals the same name whole in Ten.
 */
const foldName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, '');

/** Ethnicity and religion codes: 01 Kinh, 00 none. */
const KINH = '01';
const NO_RELIGION = '00';
const HANOI = { MaTinhThanh: '01', MaQuanHuyen: '001', MaPhuongXa: '00001', QuocGia: 'VN' };

const wholeInTen = (style: NameStyle, index: number) =>
  style === 'whole-in-ten' || (style === 'mixed' && index % 3 === 0);

function toRecord(
  { citizen, oldCardNumber }: RegisteredPerson,
  index: number,
  style: NameStyle,
): CitizenRecord {
  const address = {
    ...HANOI,
    ChiTiet: `Số ${(index % 120) + 1} phố Hàng Bạc, phường Hàng Bạc, quận Hoàn Kiếm`,
  };
  const [year, month, day] = citizen.birthDate.split('-');
  const upperName = citizen.fullName.toUpperCase();
  return {
    SoDinhDanh: citizen.personalId,
    SoCMND: oldCardNumber ?? '',
    HoVaTen: wholeInTen(style, index)
      ? { Ho: '', ChuDem: '', Ten: upperName }
      : { Ho: citizen.familyName, ChuDem: citizen.middleName, Ten: citizen.givenName },
    GioiTinh: GatewaySex[citizen.sex],
    DanToc: KINH,
    TonGiao: NO_RELIGION,
    NgayThangNamSinh: { NgayThangNam: `${year}${month}${day}`, Nam: year },
    ThuongTru: address,
    NoiOHienTai: address,
    QueQuan: {
      MaTinhThanh: citizen.provinceCode.slice(1),
      MaQuanHuyen: '',
      MaPhuongXa: '',
      ChiTiet: '',
      QuocGia: 'VN',
    },
    QuocTich: 'VN',
    ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: citizen.personalId, HoVaTen: upperName },
  };
}

/**
 * The sandbox's population: by default exactly the simulator's citizens, so simulated applicants are
 * found. They carry no old card: the simulator's applicants all give a 12-digit personal ID.
 */
export class PopulationSandboxRegistry {
  private readonly byPersonalId = new Map<string, CitizenRecord>();
  private readonly byOldCard = new Map<string, CitizenRecord>();

  constructor(
    nameStyle: NameStyle,
    people: readonly RegisteredPerson[] = CITIZENS.map((citizen) => ({ citizen })),
  ) {
    people.forEach((person, index) => {
      const record = toRecord(person, index, nameStyle);
      this.byPersonalId.set(record.SoDinhDanh, record);
      if (record.SoCMND) this.byOldCard.set(record.SoCMND, record);
    });
  }

  /** The citizen matching every given criterion, as the database matches a lookup. */
  find(criteria: CitizenCriteria): CitizenRecord | undefined {
    const record = criteria.personalId
      ? this.byPersonalId.get(criteria.personalId)
      : criteria.oldCardNumber && this.byOldCard.get(criteria.oldCardNumber);
    if (!record) return undefined;
    const { HoVaTen, NgayThangNamSinh } = record;
    const recordName = foldName(`${HoVaTen.Ho}${HoVaTen.ChuDem}${HoVaTen.Ten}`);
    if (criteria.fullName && foldName(criteria.fullName) !== recordName) return undefined;
    if (criteria.birthDate && criteria.birthDate !== NgayThangNamSinh.NgayThangNam) return undefined;
    if (criteria.birthYear && criteria.birthYear !== NgayThangNamSinh.Nam) return undefined;
    return record;
  }
}
