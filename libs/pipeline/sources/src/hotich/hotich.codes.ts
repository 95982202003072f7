/** The civil-registry system's local status codes (TinhTrang) to the national codes. */
export const HOTICH_STATUS: Readonly<Record<string, number>> = {
  '1': 1, // chờ tiếp nhận
  '2': 2, // đã tiếp nhận
  '3': 4, // đang giải quyết
  '4': 5, // chờ bổ sung
  '5': 9, // đã có kết quả
  '6': 10, // đã trả kết quả
  '7': 3, // từ chối
  '8': 7, // người yêu cầu rút
};

/** HinhThucNop is already the national channel code. */
export const HOTICH_CHANNEL: Readonly<Record<string, 1 | 2 | 3>> = { '1': 1, '2': 2, '3': 3 };

/** Civil registry serves citizens only. */
export const HOTICH_APPLICANT_TYPE = 1;

/** A due date with no time of day means the end of that working day. */
export const DUE_TIME_OF_DAY = { hour: 17, minute: 0 };
