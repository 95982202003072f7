import { CITIZENS, type Citizen } from '@lienthong/simulator';
import {
  normalizeCitizenName,
  recordFullName,
  Sex,
  toPopulationDate,
  type CitizenRecord,
} from '@lienthong/population';

/** What the sandbox is asked to find: a personal ID and whatever else the caller gave. */
export interface CitizenCriteria {
  personalId?: string;
  /** Any spelling; compared upper case without accents. */
  fullName?: string;
  /** yyyyMMdd */
  birthDate?: string;
  birthYear?: string;
}

const HANOI = { MaTinhThanh: '01', MaQuanHuyen: '001', MaPhuongXa: '00001', QuocGia: 'VN' };

/** The full record the database holds: more than a dossier needs, so minimisation can be checked. */
function toRecord(citizen: Citizen, index: number): CitizenRecord {
  const address = {
    ...HANOI,
    ChiTiet: `Số ${(index % 120) + 1} phố Hàng Bạc, phường Hàng Bạc, quận Hoàn Kiếm`,
  };
  return {
    SoDinhDanh: citizen.personalId,
    HoVaTen: { Ho: citizen.familyName, ChuDem: citizen.middleName, Ten: citizen.givenName },
    GioiTinh: citizen.sex === 'female' ? Sex.Female : Sex.Male,
    DanToc: 'Kinh',
    TonGiao: 'Không',
    NgayThangNamSinh: {
      Nam: citizen.birthDate.slice(0, 4),
      NgayThangNam: toPopulationDate(citizen.birthDate),
    },
    ThuongTru: address,
    NoiOHienTai: address,
    QueQuan: { MaTinhThanh: citizen.provinceCode.slice(1), QuocGia: 'VN' },
    QuocTich: 'VN',
    ChuHo: {
      QuanHe: 'Chủ hộ',
      SoDinhDanh: citizen.personalId,
      HoVaTen: normalizeCitizenName(citizen.fullName),
    },
  };
}

/** The sandbox's population: exactly the simulator's citizens, so simulated applicants are found. */
export class PopulationSandboxRegistry {
  private readonly records = new Map(
    CITIZENS.map((citizen, index) => [citizen.personalId, toRecord(citizen, index)]),
  );

  /** The citizen matching every given criterion, as the database matches a lookup. */
  find(criteria: CitizenCriteria): CitizenRecord | undefined {
    const record = criteria.personalId ? this.records.get(criteria.personalId) : undefined;
    if (!record) return undefined;
    const { NgayThangNamSinh } = record;
    const sameName = (name: string) =>
      normalizeCitizenName(name) === normalizeCitizenName(recordFullName(record));
    if (criteria.fullName && !sameName(criteria.fullName)) return undefined;
    if (criteria.birthDate && criteria.birthDate !== NgayThangNamSinh.NgayThangNam) return undefined;
    if (criteria.birthYear && criteria.birthYear !== NgayThangNamSinh.Nam) return undefined;
    return record;
  }
}
