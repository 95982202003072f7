/** The one-stop system's code tables (SOURCES.md) to the national codes. */
export const MOTCUA_STATUS: Readonly<Record<string, number>> = {
  MOI: 1,
  DA_TIEP_NHAN: 2,
  TU_CHOI_TIEP_NHAN: 3,
  DANG_XU_LY: 4,
  YEU_CAU_BO_SUNG: 5,
  CHO_THANH_TOAN: 6,
  RUT_HO_SO: 7,
  DUNG_XU_LY: 8,
  DA_XU_LY_XONG: 9,
  DA_TRA_KET_QUA: 10,
};

export const MOTCUA_CHANNEL: Readonly<Record<string, 1 | 2 | 3>> = {
  TRUC_TIEP: 1,
  TRUC_TUYEN: 2,
  BUU_CHINH: 3,
};

export const MOTCUA_APPLICANT_TYPE: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  CONG_DAN: 1,
  DOANH_NGHIEP: 2,
  CO_QUAN_NHA_NUOC: 3,
  TO_CHUC: 4,
};

/** Fee payment forms that count as paid online. */
export const MOTCUA_ONLINE_PAYMENT = new Set(['TRUC_TUYEN']);

/** hoSo.danhGia.mucDo: the applicant's satisfaction rating. */
export const MOTCUA_RATING: Readonly<Record<string, 'very_satisfied' | 'satisfied' | 'not_satisfied'>> = {
  RAT_HAI_LONG: 'very_satisfied',
  HAI_LONG: 'satisfied',
  KHONG_HAI_LONG: 'not_satisfied',
};
