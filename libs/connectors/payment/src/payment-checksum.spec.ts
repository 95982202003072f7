import { createHash } from 'node:crypto';
import { checksumInput, checksumOf, resultVerifies } from './payment-checksum';
import { SignedFields } from './payment.contract';
import { GOLDEN_PARTNER, goldenJson } from './golden-payment.fixture';
import { readPlatformResult } from './platform-result';

interface GoldenChecksum {
  name: string;
  input: string;
  sha256?: string;
  sha256Prefix?: string;
}
const { secret, checksums } = goldenJson<{ secret: string; checksums: GoldenChecksum[] }>('checksums.json');
const golden = (name: string) => checksums.find((checksum) => checksum.name.startsWith(name))!;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe(checksumOf.name, () => {
  it('hashes the INIT fields in the INIT order, the secret last (DOMAIN.md worked example)', () => {
    const init = goldenJson('requests/INIT.json');
    expect(checksumInput(init, SignedFields.init, secret)).toBe(golden('INIT').input);
    expect(checksumOf(init, SignedFields.init, secret)).toBe(golden('INIT').sha256);
    expect(checksumOf(init, SignedFields.init, secret)).toBe(init.MaXacThuc);
  });

  it('gives the 12-hour time its own hash, never the 24-hour one', () => {
    const twelveHour = { ...goldenJson('requests/INIT.json'), ThoiGianGD: '20240815023005' };
    const sut = checksumOf(twelveHour, SignedFields.init, secret);
    expect(checksumInput(twelveHour, SignedFields.init, secret)).toBe(golden('INIT with the 12-hour').input);
    expect(sut.startsWith(golden('INIT with the 12-hour').sha256Prefix!)).toBe(true);
    expect(sut).not.toBe(golden('INIT').sha256);
  });

  it('hashes a result in the result order, SoTien a plain integer', () => {
    const callback = goldenJson('callbacks/CONFIRM-paid.json');
    expect(checksumInput(callback, SignedFields.result, secret)).toBe(golden('result').input);
    expect(checksumOf(callback, SignedFields.result, secret)).toBe(golden('result').sha256);
  });

  it.each(['QUERY', 'GET_BILL'])('hashes %s in the lookup order', (type) => {
    const message = goldenJson(`requests/${type}.json`);
    expect(checksumOf(message, SignedFields.lookup, secret)).toBe(message.MaXacThuc);
  });

  it("matches DOMAIN.md's QUERY hash", () => {
    const query = goldenJson('requests/QUERY.json');
    expect(checksumInput(query, SignedFields.lookup, secret)).toBe(golden('QUERY').input);
    expect(checksumOf(query, SignedFields.lookup, secret)).toBe(golden('QUERY').sha256);
  });

  it('is a plain lowercase SHA-256, not an HMAC', () => {
    expect(checksumOf({ LoaiBanTin: 'QUERY' }, SignedFields.lookup, 's')).toBe(sha256('QUERY|||||s'));
  });
});

describe(resultVerifies.name, () => {
  const resultOf = (path: string, change: Record<string, unknown> = {}) => {
    const read = readPlatformResult({ ...goldenJson(path), ...change });
    if (read.missing) throw new Error(`golden ${path} misses ${read.missing.join(', ')}`);
    return read.result;
  };

  it.each([
    'callbacks/CONFIRM-paid.json',
    'callbacks/CONFIRM-failed.json',
    'answers/QUERY-paid.json',
    'answers/QUERY-pending.json',
    'answers/QUERY-failed.json',
  ])('verifies the golden %s', (path) => {
    expect(resultVerifies(resultOf(path), GOLDEN_PARTNER.secret)).toBe(true);
  });

  it.each([
    ['a changed amount', { SoTien: 1500000 }],
    ['a changed result', { MaLoi: '99' }],
    ['a changed transaction id', { MaGiaoDich: 'PP0000000000000000' }],
  ])('refuses %s under the same checksum', (_, change) => {
    expect(resultVerifies(resultOf('callbacks/CONFIRM-paid.json', change), GOLDEN_PARTNER.secret)).toBe(
      false,
    );
  });

  it('takes the checksum in upper case too', () => {
    const upper = { MaXacThuc: String(goldenJson('callbacks/CONFIRM-paid.json').MaXacThuc).toUpperCase() };
    expect(resultVerifies(resultOf('callbacks/CONFIRM-paid.json', upper), GOLDEN_PARTNER.secret)).toBe(true);
  });

  it('refuses a result signed with another secret', () => {
    expect(resultVerifies(resultOf('callbacks/CONFIRM-paid.json'), 'another-secret')).toBe(false);
  });
});
