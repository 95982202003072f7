import type { DeadLetterDetail } from './dead-letter-index';
import { clearDetail, maskedDetail } from './dead-letter-view';

const ID = '038190001228';

function letter(value: string): DeadLetterDetail {
  return {
    id: 1,
    stage: 'hub',
    reason: 'INVALID_PERSONAL_ID',
    message: `personal ID ${ID} does not match the birth date`,
    sourceSystem: 'hotich',
    dossierCode: 'H26.12.03-261201-0001',
    topic: 'dlq.hub.v1',
    partition: 0,
    offset: '7',
    failedAt: '2026-12-01T02:00:00.000Z',
    replayedAt: null,
    replayId: null,
    held: false,
    key: 'H26.12.03-261201-0001',
    sourceTopic: 'src.hotich.dossier-events',
    sourcePartition: 0,
    sourceOffset: '3',
    headers: { 'lienthong-dlq-message': `personal ID ${ID} does not match the birth date` },
    value: Buffer.from(value),
  };
}

describe(maskedDetail.name, () => {
  it.each([
    [
      'JSON',
      JSON.stringify({ hoSo: { maHoSo: 'X-1', chuHoSo: { hoTen: 'Võ Thị Cúc', soDinhDanh: ID } } }),
      { hoSo: { maHoSo: 'X-1', chuHoSo: { hoTen: 'V* T** C**', soDinhDanh: '0381******28' } } },
    ],
    [
      'XML, read namespace-aware into elements, attributes and text',
      `<?xml version="1.0"?><h:SuKienHoSo xmlns:h="urn:hotich:sukien:1"><h:HoSo><h:SoHoSo>X-1</h:SoHoSo>` +
        `<h:NguoiYeuCau><h:HoTen>Võ Thị Cúc</h:HoTen><h:GiayTo loai="CCCD">${ID}</h:GiayTo></h:NguoiYeuCau>` +
        `<h:KetQua><h:GiayTo so="1/2026"/><h:GiayTo so="2/2026"/></h:KetQua></h:HoSo></h:SuKienHoSo>`,
      {
        SuKienHoSo: {
          HoSo: {
            SoHoSo: 'X-1',
            NguoiYeuCau: { HoTen: 'V* T** C**', GiayTo: { '@loai': 'CCCD', '#text': '0381******28' } },
            KetQua: { GiayTo: [{ '@so': '1/2026' }, { '@so': '2/2026' }] },
          },
        },
      },
    ],
    ['neither: no bytes shown at all', `garbled ${ID} Võ Thị Cúc`, null],
  ])('decodes %s and masks it, never showing the bytes', (_, value, decoded) => {
    const sut = maskedDetail(letter(value));
    expect(sut.decoded).toEqual(decoded);
    expect(JSON.stringify(sut)).not.toContain(ID);
    expect(JSON.stringify(sut)).not.toContain('Cúc');
    expect(sut).not.toHaveProperty('valueBase64');
    expect(sut).not.toHaveProperty('valueText');
  });

  it('is the clear form only in clearDetail, bytes included', () => {
    const sut = clearDetail(letter(`garbled ${ID}`), () => undefined);
    expect(sut.valueText).toBe(`garbled ${ID}`);
    expect(sut.message).toContain(ID);
  });
});
