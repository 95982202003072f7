import { transactionText, withoutDiacritics } from './transaction-text';

describe(withoutDiacritics.name, () => {
  it('drops every Vietnamese mark, đ and Đ included', () => {
    expect(withoutDiacritics('Lệ phí chứng thực Đường Đống Đa, Hà Nội')).toBe(
      'Le phi chung thuc Duong Dong Da, Ha Noi',
    );
  });
});

describe(transactionText.name, () => {
  it('is "THANH TOAN HO SO {MaHoSo}"', () => {
    expect(transactionText('000.00.12.H26-240815-0042')).toBe('THANH TOAN HO SO 000.00.12.H26-240815-0042');
  });
});
