import { foldName, recordFullName, requestName } from './citizen-name';

describe(requestName.name, () => {
  it.each([
    ['Nguyễn Thùy Hoa', 'NGUYEN THUY HOA'],
    ['NGUYỄN THÙY HOA', 'NGUYEN THUY HOA'],
    ['  đặng   Đức  Thắng ', 'DANG DUC THANG'],
    ['Huỳnh Thị Quỳnh', 'HUYNH THI QUYNH'],
    // Decomposed input (NFD, as some keyboards and browsers send it) gives the same result.
    ['Lê Minh Tuấn'.normalize('NFD'), 'LE MINH TUAN'],
  ])('sends %j as %j: upper case, no accents, single spaces', (name, expected) => {
    expect(requestName(name)).toBe(expected);
  });
});

describe(foldName.name, () => {
  it('folds a whole name in Ten and the same name split over Ho, ChuDem and Ten alike', () => {
    const wholeInTen = recordFullName({ HoVaTen: { Ten: 'ĐỖ VĂN CƯỜNG' } });
    const split = recordFullName({ HoVaTen: { Ho: 'Đỗ', ChuDem: 'Văn', Ten: 'Cường' } });
    expect(foldName(wholeInTen)).toBe('DOVANCUONG');
    expect(foldName(split)).toBe(foldName(wholeInTen));
    expect(foldName('do  van\tcuong')).toBe('DOVANCUONG');
  });

  it('keeps different names apart', () => {
    expect(foldName('Đỗ Văn Cường')).not.toBe(foldName('Đỗ Văn Cương Anh'));
  });
});
