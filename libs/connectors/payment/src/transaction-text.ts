/**
 * ThongTinGiaoDich goes without diacritics (DOMAIN.md): NFD splits each letter from its marks, which
 * are dropped; đ/Đ have no decomposition and are mapped by hand.
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** "THANH TOAN HO SO {MaHoSo}": what the citizen's bank statement shows. */
export function transactionText(dossierCode: string): string {
  return withoutDiacritics(`THANH TOAN HO SO ${dossierCode}`).toUpperCase();
}
