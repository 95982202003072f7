import { maskPersonalData } from './mask-personal-data';
import { maskAs, maskPatterns } from './mask-value';
import type { PersonalKind } from './personal-fields';

describe(maskAs.name, () => {
  it.each<[PersonalKind, unknown, unknown]>([
    ['id', '001075303677', '0010******77'],
    ['id', '038190001228', '0381******28'],
    ['id', '123456789', '1******89'],
    ['id', '1234', '**34'],
    ['name', 'Võ Thị Cúc', 'V* T** C**'],
    ['name', 'ĐỖ MINH ĐẠT', 'Đ* M*** Đ**'],
    ['name', 'Nguyễn Thùy Hoa', 'N***** T*** H**'],
    ['birthDate', '1975-01-08', '****-**-**'],
    ['birthDate', '24/01/1954', '**/**/****'],
    ['birthDate', '19680722', '********'],
    ['birthDate', 646851600000, '************'],
    ['phone', '0975303677', '*******677'],
    ['phone', '+84 975 303 677', '+** *** *** 677'],
    ['email', 'nguyen.van.an@example.vn', 'n***@example.vn'],
    ['email', 'not-an-address', '***'],
    ['address', 'Số 12 Hàng Bạc', 'S* 1* H*** B**'],
    ['name', null, null],
    ['name', '', ''],
    ['name', { unexpected: true }, '***'],
  ])('masks a %s: %j → %j', (kind, value, masked) => {
    expect(maskAs(kind, value)).toEqual(masked);
  });

  it('keeps only the last two characters of an ID in the logs', () => {
    expect(maskAs('id', '001075303677', { idHead: 0 })).toBe('**********77');
  });
});

describe(maskPatterns.name, () => {
  it.each([
    ['ID 001075303677 không hợp lệ', 'ID 0010******77 không hợp lệ'],
    ['CMND 123456789', 'CMND 1******89'],
    ['spaced 001 075 303677', 'spaced 001 ********77'],
    ['gọi 0975303677 hoặc +84975303677', 'gọi *******677 hoặc +********677'],
    ['mail an.nguyen@hanoi.gov.vn now', 'mail a***@hanoi.gov.vn now'],
    // What must stay: dossier and agency codes, times, amounts, URLs with codes in them.
    ['000.00.12.H26-240815-9002', '000.00.12.H26-240815-9002'],
    ['2024-08-15T08:33:00+07:00 and 20240815083300', '2024-08-15T08:33:00+07:00 and 20240815083300'],
    [
      'https://motcua.hanoi.example/files/000.00.12.H26-240815-9002/1',
      'https://motcua.hanoi.example/files/000.00.12.H26-240815-9002/1',
    ],
    ['offset 12345, 75000 VND', 'offset 12345, 75000 VND'],
    [
      '00-ffffffffffffffff0000000012345678-0123456789abcdef-01',
      '00-ffffffffffffffff0000000012345678-0123456789abcdef-01',
    ],
  ])('%s', (text, masked) => {
    expect(maskPatterns(text)).toBe(masked);
  });
});

describe(maskPersonalData.name, () => {
  it.each<[string, unknown, unknown]>([
    [
      'the shared dossier (dossier.v1): the applicant, not the procedure or the agency',
      {
        dossierCode: '000.00.12.H26-240815-9002',
        procedure: { code: '2.000488', name: 'Cấp giấy chứng nhận' },
        agency: { code: '000.00.12.H26', name: 'UBND quận Hoàn Kiếm' },
        applicant: {
          type: 2,
          name: 'Nguyễn Thùy Hoa',
          identity: { kind: 'CCCD', number: '001075303677' },
          birthDate: '1975-01-08',
          phone: '0975303677',
          email: 'hoa@example.vn',
          code: null,
        },
        processing: { handler: 'Phạm Thu Hà' },
      },
      {
        dossierCode: '000.00.12.H26-240815-9002',
        procedure: { code: '2.000488', name: 'Cấp giấy chứng nhận' },
        agency: { code: '000.00.12.H26', name: 'UBND quận Hoàn Kiếm' },
        applicant: {
          type: 2,
          name: 'N***** T*** H**',
          identity: { kind: 'CCCD', number: '0010******77' },
          birthDate: '****-**-**',
          phone: '*******677',
          email: 'h***@example.vn',
          code: null,
        },
        processing: { handler: 'Phạm Thu Hà' },
      },
    ],
    [
      "the portal's dossier record (DongBoHoSoMC)",
      {
        MaHoSo: '000.00.12.H26-240815-9002',
        TenTTHC: 'Đăng ký khai sinh',
        ChuHoSo: 'Võ Thị Cúc',
        SoGiayToChuHoSo: '038190001228',
        Email: 'cuc@example.vn',
        SoDienThoai: '0912345678',
        Fax: '02438250000',
        DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038190001228' }],
      },
      {
        MaHoSo: '000.00.12.H26-240815-9002',
        TenTTHC: 'Đăng ký khai sinh',
        ChuHoSo: 'V* T** C**',
        SoGiayToChuHoSo: '0381******28',
        Email: 'c***@example.vn',
        SoDienThoai: '*******678',
        Fax: '********000',
        DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '0381******28' }],
      },
    ],
    [
      'a motcua source event',
      {
        hoSo: {
          maHoSo: 'H26.12.03-240815-9002',
          tenTTHC: 'Cấp giấy chứng nhận',
          chuHoSo: {
            loai: 'CONG_DAN',
            hoTen: 'Nguyễn Văn An',
            soDinhDanh: '001 075 303677',
            ngaySinh: '1975-01-08',
            dienThoai: '0975303677',
            email: null,
          },
        },
      },
      {
        hoSo: {
          maHoSo: 'H26.12.03-240815-9002',
          tenTTHC: 'Cấp giấy chứng nhận',
          chuHoSo: {
            loai: 'CONG_DAN',
            hoTen: 'N***** V** A*',
            soDinhDanh: '001 ********77',
            ngaySinh: '****-**-**',
            dienThoai: '*******677',
            email: null,
          },
        },
      },
    ],
    [
      'a gtvt source event (birth date in epoch ms)',
      {
        application: {
          procedure: { code: '2.000488', name: 'Cấp giấy phép' },
          applicant: {
            kind: 'person',
            fullName: 'Pham Thi Cuong',
            nationalId: '001.190.218 904',
            birthDate: 646851600000,
          },
        },
      },
      {
        application: {
          procedure: { code: '2.000488', name: 'Cấp giấy phép' },
          applicant: {
            kind: 'person',
            fullName: 'P*** T** C****',
            nationalId: '001.*********04',
            birthDate: '************',
          },
        },
      },
    ],
    [
      'a hotich source event, parsed from XML (the ID paper carries its kind as an attribute)',
      {
        SuKienHoSo: {
          HoSo: {
            LoaiViec: { '@ma': '1.001193', '#text': 'Đăng ký khai sinh' },
            NguoiYeuCau: {
              HoTen: 'ĐỖ MINH ĐẠT',
              GiayTo: { '@loai': 'CCCD', '#text': '001054714328' },
              NgaySinh: '24/01/1954',
            },
            KetQua: { GiayTo: { '@so': '9001/2024', '@ten': 'Trích lục khai sinh' } },
          },
        },
      },
      {
        SuKienHoSo: {
          HoSo: {
            LoaiViec: { '@ma': '1.001193', '#text': 'Đăng ký khai sinh' },
            NguoiYeuCau: {
              HoTen: 'Đ* M*** Đ**',
              GiayTo: { '@loai': 'CCCD', '#text': '0010******28' },
              NgaySinh: '**/**/****',
            },
            KetQua: { GiayTo: { '@so': '9001/2024', '@ten': 'Trích lục khai sinh' } },
          },
        },
      },
    ],
    [
      "the population database's answer: names in parts, birth date and addresses as objects",
      {
        CongDan: {
          SoDinhDanh: '001068403043',
          HoVaTen: { Ho: 'ĐỖ', ChuDem: 'VĂN', Ten: 'CƯỜNG' },
          NgayThangNamSinh: { Nam: '1968', NgayThangNam: '19680722' },
          ThuongTru: { MaTinhThanh: '01', ChiTiet: 'Số 12 Hàng Bạc' },
          ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '001068403043', HoVaTen: 'ĐỖ VĂN CƯỜNG' },
        },
      },
      {
        CongDan: {
          SoDinhDanh: '0010******43',
          HoVaTen: { Ho: 'Đ*', ChuDem: 'V**', Ten: 'C****' },
          NgayThangNamSinh: { Nam: '****', NgayThangNam: '********' },
          ThuongTru: { MaTinhThanh: '0*', ChiTiet: 'S* 1* H*** B**' },
          ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '0010******43', HoVaTen: 'Đ* V** C****' },
        },
      },
    ],
    [
      'a payment request: the payer, not the beneficiary agency',
      {
        payer: {
          name: 'Lê Văn Tám',
          identityNumber: '001090001234',
          address: 'Hàng Bạc',
          province: 'Hà Nội',
        },
        beneficiary: { account: '0011000123456', accountName: 'Kho bạc Hoàn Kiếm' },
      },
      {
        payer: {
          name: 'L* V** T**',
          identityNumber: '0010******34',
          address: 'H*** B**',
          province: 'Hà Nội',
        },
        beneficiary: { account: '0011000123456', accountName: 'Kho bạc Hoàn Kiếm' },
      },
    ],
    [
      'free text, secrets and values that are not text',
      { GhiChu: 'Gọi 0912345678', authorization: 'Bearer lt_x', offset: '12345', sequence: 7, ok: true },
      { GhiChu: 'Gọi *******678', authorization: '[secret]', offset: '12345', sequence: 7, ok: true },
    ],
  ])('%s', (_, value, masked) => {
    expect(maskPersonalData(value)).toEqual(masked);
  });

  it('hides what lies deeper than any record, rather than show it unmasked', () => {
    let deep: unknown = { ChuHoSo: 'Võ Thị Cúc' };
    for (let level = 0; level < 40; level += 1) deep = { next: deep };
    expect(JSON.stringify(maskPersonalData(deep))).not.toContain('Cúc');
  });
});
