/** Realistic Hà Nội reference data for simulated dossiers. */
export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE_NAMES = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Thùy', 'Diệu', 'Hải'],
};
export const GIVEN_NAMES = {
  male: [
    'Anh',
    'Bình',
    'Cường',
    'Dũng',
    'Đạt',
    'Hùng',
    'Khoa',
    'Long',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
  ],
  female: [
    'An',
    'Chi',
    'Giang',
    'Hà',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Phương',
    'Quỳnh',
    'Trang',
    'Vân',
    'Yến',
  ],
};
export const COMPANY_NAMES = [
  'Công ty TNHH Vận tải Thăng Long',
  'Công ty CP Xây dựng Hồng Hà',
  'Công ty TNHH Thương mại Hà Thành',
  'Công ty CP Dịch vụ Kim Liên',
];

/**
 * The agencies, each with the revenue account its fees are paid into (a State Treasury collection
 * account, 3511 "tạm thu", at the commercial bank that collects for it).
 */
export const AGENCIES = [
  { code: '000.00.12.H26', name: 'UBND quận Hoàn Kiếm', revenue: { account: '3511.0.1054318', bank: 'VCB' } },
  { code: '000.00.13.H26', name: 'UBND quận Ba Đình', revenue: { account: '3511.0.1054321', bank: 'CTG' } },
  {
    code: '000.00.15.H26',
    name: 'Sở Giao thông vận tải Hà Nội',
    revenue: { account: '3511.0.1009876', bank: 'BIDV' },
  },
  { code: '000.00.21.H26', name: 'UBND quận Cầu Giấy', revenue: { account: '3511.0.1054355', bank: 'VCB' } },
  { code: '000.00.40.H26', name: 'UBND huyện Đông Anh', revenue: { account: '3511.0.1061204', bank: 'AGR' } },
];

/** Where applicants live: a street and the ward or commune it is in, all in Hà Nội. */
export const ADDRESSES = [
  { street: 'phố Hàng Bạc', commune: 'Phường Hàng Bạc' },
  { street: 'phố Đội Cấn', commune: 'Phường Đội Cấn' },
  { street: 'đường Cầu Giấy', commune: 'Phường Quan Hoa' },
  { street: 'đường Trần Duy Hưng', commune: 'Phường Trung Hòa' },
  { street: 'đường Cao Lỗ', commune: 'Xã Uy Nỗ' },
  { street: 'phố Kim Mã', commune: 'Phường Kim Mã' },
];

export const PROCEDURES = [
  {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: { code: 'G03-HT01', name: 'Hộ tịch' },
    applicant: 'CONG_DAN',
    days: 3,
  },
  {
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: { code: 'G03-HT01', name: 'Hộ tịch' },
    applicant: 'CONG_DAN',
    days: 5,
  },
  {
    code: '2.000488',
    name: 'Cấp giấy chứng nhận đủ điều kiện kinh doanh vận tải',
    field: { code: 'G16-DB03', name: 'Vận tải' },
    applicant: 'DOANH_NGHIEP',
    days: 10,
  },
  {
    code: '1.005129',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    field: { code: 'G09-XD02', name: 'Xây dựng' },
    applicant: 'CONG_DAN',
    days: 15,
  },
  {
    code: '2.001023',
    name: 'Cấp đổi giấy phép lái xe',
    field: { code: 'G16-DB04', name: 'Đường bộ' },
    applicant: 'CONG_DAN',
    days: 5,
  },
];

export const HANDLERS = [
  { name: 'Phạm Thu Hà', title: 'Công chức Tư pháp - Hộ tịch', unit: 'Bộ phận Tư pháp' },
  { name: 'Trần Thị Bình', title: 'Chuyên viên', unit: 'Phòng Quản lý đô thị' },
  { name: 'Lê Minh Tuấn', title: 'Chuyên viên', unit: 'Bộ phận Một cửa' },
];
