/**
 * Code tables of the portal's dossier and progress records (DOMAIN.md, "Flags that the national scoring
 * reads"): every value is a string code, each flag its own fact.
 */

/** DuocThanhToanTrucTuyen. */
export const PortalPaymentCode = {
  NotOnline: '0',
  /** Through the national portal's payment platform. */
  NationalPlatform: '1',
  /** Through a ministry's or the province's own payment gateway. */
  OwnGateway: '2',
} as const;

/**
 * DanhSachLePhi[].HinhThucThu: how a fee was collected (DOMAIN.md names the field, not its codes; these
 * are the portal sandbox's and our records' since the first landing).
 */
export const PortalFeeCollectionCode = {
  /** At the counter, or not paid yet. */
  Direct: '1',
  /** Paid online, through either payment channel. */
  Online: '2',
} as const;

/** TaiLieuNop[].DuocTaiSuDung. */
export const PortalReuseCode = {
  No: '0',
  /** Reused from an earlier result. */
  Reused: '1',
  /** Replaced: MaKetQuaThayThe names the result it replaces. */
  Replaced: '2',
} as const;

/**
 * DSKetNoiCSDL[].MaCSDL: the national databases a dossier's data was checked against. The population
 * database is the first national database of the portal's list.
 */
export const PortalDatabaseCode = { Population: '1' } as const;

/** NguoiXuLy when the source names no handler and no department: a progress record is never dropped. */
export const NEUTRAL_HANDLER = 'Chuyên viên';
