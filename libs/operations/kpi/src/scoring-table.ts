import type { PeriodCounts } from './period-counts';

/**
 * The national scoring of public service (Decision 766/QĐ-TTg) as the national dashboard computes it
 * (DOMAIN.md, "The national scoring"): one table, so a point or a rule is corrected in one place.
 * The official text is not public in this form; this is the public reconstruction.
 *
 * An item scores `max × rate`, or `max × min(1, rate / fullAt)` when it is full before 100%. An item
 * whose data Lienthong does not receive (the procedure catalogue, complaints) has no `rate`: it is shown
 * as "không đo được", never as zero or as full marks.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface ScoringItem {
  id: string;
  /** Vietnamese label shown on the dashboard. */
  label: string;
  max: number;
  /** The rate is full at this value (reuse 80%, satisfaction 90%); absent = full at 100%. */
  fullAt?: number;
  /** How the rate is read from the dossiers of the period; absent = not measurable from dossier events. */
  rate?: (counts: PeriodCounts) => Ratio;
  /** The national rule in one line (shown on hover, and in docs/dashboard.md). */
  rule: string;
}

export interface ScoringGroup {
  id: string;
  label: string;
  /** The group's points; its items may add up to more (payment: 6 + 2 + 2.5), the group caps them. */
  max: number;
  items: ScoringItem[];
}

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

export const SCORING_TABLE: readonly ScoringGroup[] = [
  {
    id: 'transparency',
    label: 'Công khai, minh bạch',
    max: 18,
    items: [
      {
        id: 'portal_sync',
        label: 'Hồ sơ đồng bộ lên Cổng DVCQG',
        max: 6,
        rate: (c) => ratio(c.synced, c.received),
        rule: 'hồ sơ tiếp nhận trong kỳ mà Cổng DVCQG đã giữ ÷ hồ sơ tiếp nhận',
      },
      {
        id: 'procedures_published',
        label: 'TTHC công khai đúng hạn',
        max: 6,
        rule: 'từ cơ sở dữ liệu TTHC, không từ hồ sơ',
      },
      {
        id: 'procedures_updated',
        label: 'TTHC cập nhật đúng hạn',
        max: 4,
        rule: 'từ cơ sở dữ liệu TTHC, không từ hồ sơ',
      },
      {
        id: 'procedures_complete',
        label: 'TTHC công khai đầy đủ',
        max: 2,
        rule: 'từ cơ sở dữ liệu TTHC, không từ hồ sơ',
      },
    ],
  },
  {
    id: 'progress',
    label: 'Tiến độ giải quyết',
    max: 20,
    items: [
      {
        id: 'on_time',
        label: 'Hồ sơ đúng hạn',
        max: 20,
        rate: (c) => ratio(c.onTime, c.received),
        rule:
          '(đã xong đúng hạn + chưa xong còn trong hạn) ÷ tiếp nhận; thời điểm kết thúc = trạng thái 9, ' +
          'nếu không 10, nếu không 3/7/8; không tính thời gian bổ sung; bổ sung quá 1 lần = trễ hạn; ' +
          'hồ sơ chưa xong xét tại cuối kỳ',
      },
    ],
  },
  {
    id: 'online',
    label: 'Dịch vụ công trực tuyến',
    max: 12,
    items: [
      {
        id: 'online',
        label: 'Hồ sơ nộp trực tuyến',
        max: 12,
        rate: (c) => ratio(c.online, c.receivedOfOnlineProcedures),
        rule: 'hồ sơ KenhThucHien 2 ÷ hồ sơ của các TTHC có nhận hồ sơ trực tuyến trong kỳ',
      },
    ],
  },
  {
    id: 'payment',
    label: 'Thanh toán trực tuyến',
    max: 10,
    items: [
      {
        id: 'paid_online',
        label: 'Hồ sơ thanh toán trực tuyến (A)',
        max: 6,
        rate: (c) => ratio(c.paidOnline, c.withFees),
        rule: '6·A; A = hồ sơ DuocThanhToanTrucTuyen 1 hoặc 2 ÷ hồ sơ có phí, lệ phí',
      },
      {
        id: 'payment_procedures',
        label: 'TTHC có thanh toán trực tuyến (B)',
        max: 2,
        fullAt: 0.8,
        rate: (c) => ratio(c.proceduresPaidOnline, c.proceduresWithFees),
        rule: 'min(2, 2,5·B); B = TTHC có hồ sơ thanh toán trực tuyến ÷ TTHC có hồ sơ thu phí',
      },
      {
        id: 'fee_lists',
        label: 'TTHC có DanhSachLePhi (C)',
        max: 2.5,
        rule: '2,5·C; mẫu số là TTHC có thu phí theo cơ sở dữ liệu TTHC, không từ hồ sơ',
      },
    ],
  },
  {
    id: 'digitization',
    label: 'Số hóa hồ sơ',
    max: 22,
    items: [
      {
        id: 'e_result',
        label: 'Kết quả điện tử',
        max: 6,
        rate: (c) => ratio(c.eResult, c.settled),
        rule: 'hồ sơ có DuongDanTepTinKetQua ÷ hồ sơ đã giải quyết (trạng thái 9, 10)',
      },
      {
        id: 'digitized_files',
        label: 'Thành phần hồ sơ số hóa',
        max: 4,
        rate: (c) => ratio(c.digitized, c.received),
        rule: 'hồ sơ có tệp TaiLieuNop được số hóa (DuocSoHoa) ÷ tiếp nhận',
      },
      {
        id: 'e_certified_copies',
        label: 'Bản sao điện tử chứng thực',
        max: 2,
        rule: 'từ hệ thống chứng thực điện tử, không từ hồ sơ',
      },
      {
        id: 'reuse',
        label: 'Tái sử dụng dữ liệu số hóa',
        max: 2,
        fullAt: 0.8,
        rate: (c) => ratio(c.reused, c.received),
        rule: 'hồ sơ có tệp DuocTaiSuDung 1 hoặc 2 ÷ tiếp nhận; đủ điểm ở 80%',
      },
      {
        id: 'warehouse',
        label: 'Lấy từ Kho dữ liệu',
        max: 4,
        rate: (c) => ratio(c.fromWarehouse, c.received),
        rule: 'hồ sơ có tệp DuocLayTuKhoDMQG ÷ tiếp nhận',
      },
      {
        id: 'population_data',
        label: 'Khai thác dữ liệu dân cư',
        max: 2,
        rate: (c) => ratio(c.populationData, c.received),
        rule: 'hồ sơ TaiKhoanDuocXacThucVoiVNeID hoặc đã xác thực qua CSDL dân cư (identity.verified.v1) ÷ tiếp nhận',
      },
      {
        id: 'population_procedures',
        label: 'TTHC kết nối dữ liệu dân cư',
        max: 2,
        rate: (c) => ratio(c.proceduresWithPopulationData, c.procedures),
        rule: 'TTHC có hồ sơ khai thác dữ liệu dân cư ÷ TTHC có hồ sơ',
      },
    ],
  },
  {
    id: 'satisfaction',
    label: 'Mức độ hài lòng',
    max: 18,
    items: [
      {
        id: 'complaints_on_time',
        label: 'Xử lý phản ánh, kiến nghị đúng hạn',
        max: 6,
        rule: 'từ hệ thống phản ánh, kiến nghị, không từ hồ sơ',
      },
      {
        id: 'complaint_satisfaction',
        label: 'Hài lòng về xử lý phản ánh',
        max: 6,
        rule: 'từ hệ thống phản ánh, kiến nghị, không từ hồ sơ',
      },
      {
        id: 'dossier_satisfaction',
        label: 'Hài lòng về giải quyết hồ sơ',
        max: 6,
        fullAt: 0.9,
        rate: (c) => ratio(c.received - c.overdue - c.notSatisfied, c.received),
        rule:
          '100% − (tỷ lệ trễ hạn + tỷ lệ hồ sơ đánh giá "không hài lòng"); đủ điểm ở 90% ' +
          '(phản ánh, kiến nghị không có trong hồ sơ)',
      },
    ],
  },
];

/** The index's total: 100 points. */
export const SCORING_MAX = SCORING_TABLE.reduce((sum, group) => sum + group.max, 0);
