import type { CitizenRecord } from './population.contract';

/** One citizen as the population database answers, for the specs (not exported by the lib). */
export const citizenRecordFixture: CitizenRecord = {
  SoDinhDanh: '001092008262',
  HoVaTen: { Ho: 'Nguyễn', ChuDem: 'Thùy', Ten: 'Hoa' },
  GioiTinh: '2',
  NgayThangNamSinh: { Nam: '1992', NgayThangNam: '19920802' },
  ThuongTru: { ChiTiet: 'Số 7 phố Hàng Bạc' },
  TonGiao: 'Không',
};
