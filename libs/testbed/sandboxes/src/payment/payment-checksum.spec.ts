import { checksumInput, checksumMatches, checksumOf, signed, SignedFields } from './payment-checksum';
import { platformTime } from './payment-platform.contract';
import { GOLDEN_SECRET, goldenJson } from './payment-sandbox.fixture';

interface GoldenChecksum {
  name: string;
  input: string;
  sha256?: string;
  sha256Prefix?: string;
}
const { checksums } = goldenJson<{ checksums: GoldenChecksum[] }>('checksums.json');
const [init, initTwelveHour, callback, query] = checksums;

describe('MaXacThuc (payment sandbox)', () => {
  it.each(checksums.filter((golden) => golden.sha256))(
    'hashes DOMAIN.md’s $name input to its hash',
    (golden) => {
      expect(checksumOf(golden.input)).toBe(golden.sha256);
    },
  );

  it('gives the 12-hour time (…023005) the other hash DOMAIN.md shows, never the 24-hour one', () => {
    const twelveHour = checksumOf(initTwelveHour.input);

    expect(twelveHour.startsWith(initTwelveHour.sha256Prefix!)).toBe(true);
    expect(twelveHour).not.toBe(init.sha256);
  });

  it.each([
    ['INIT', 'requests/INIT.json', SignedFields.init, init.input],
    ['the result callback', 'callbacks/CONFIRM-paid.json', SignedFields.result, callback.input],
    ['QUERY', 'requests/QUERY.json', SignedFields.lookup, query.input],
  ])('builds the checksum input of %s in DOMAIN.md’s order', (_, file, fields, expected) => {
    expect(checksumInput(fields, goldenJson(file), GOLDEN_SECRET)).toBe(expected);
  });

  it.each([
    ['requests/INIT.json', SignedFields.init],
    ['requests/QUERY.json', SignedFields.lookup],
    ['requests/GET_BILL.json', SignedFields.lookup],
    ['callbacks/CONFIRM-paid.json', SignedFields.result],
    ['callbacks/CONFIRM-failed.json', SignedFields.result],
    ['answers/QUERY-paid.json', SignedFields.result],
    ['answers/QUERY-pending.json', SignedFields.result],
    ['answers/QUERY-failed.json', SignedFields.result],
  ])('accepts the MaXacThuc of %s', (file, fields) => {
    expect(checksumMatches(fields, goldenJson(file), GOLDEN_SECRET)).toBe(true);
  });

  it.each([
    ['a changed amount', { SoTien: '150001' }],
    ['the 12-hour time', { ThoiGianGD: '20240815023005' }],
    ['an upper-case hash', { MaXacThuc: init.sha256!.toUpperCase() }],
    ['no hash', { MaXacThuc: undefined }],
  ])('refuses the golden INIT with %s', (_, change) => {
    const message = { ...goldenJson('requests/INIT.json'), ...change };

    expect(checksumMatches(SignedFields.init, message, GOLDEN_SECRET)).toBe(false);
    expect(checksumMatches(SignedFields.init, goldenJson('requests/INIT.json'), 'another-secret')).toBe(
      false,
    );
  });

  it('signs a result with a numeric SoTien as the golden callback is signed', () => {
    const { MaXacThuc, ...fields } = goldenJson('callbacks/CONFIRM-paid.json');

    expect(signed(SignedFields.result, fields, GOLDEN_SECRET).MaXacThuc).toBe(MaXacThuc);
  });

  it('writes ThoiGianGD on the 24-hour clock in Asia/Ho_Chi_Minh', () => {
    expect(platformTime(new Date('2024-08-15T07:30:05Z'))).toBe('20240815143005');
    expect(platformTime(new Date('2024-08-15T17:00:00Z'))).toBe('20240816000000');
  });
});
