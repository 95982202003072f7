import type { Sector } from './agency-catalogue';

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

/** Where applicants live: a street and the ward or commune it is in, all in Hà Nội. */
export const ADDRESSES = [
  { street: 'phố Hàng Bạc', commune: 'Phường Hàng Bạc' },
  { street: 'phố Đội Cấn', commune: 'Phường Đội Cấn' },
  { street: 'đường Cầu Giấy', commune: 'Phường Quan Hoa' },
  { street: 'đường Trần Duy Hưng', commune: 'Phường Trung Hòa' },
  { street: 'đường Cao Lỗ', commune: 'Xã Uy Nỗ' },
  { street: 'phố Kim Mã', commune: 'Phường Kim Mã' },
];

/** Who records a step, by the sector of the procedure. */
export const HANDLERS: Readonly<Record<Sector, { name: string; title: string; unit: string }>> = {
  'civil-registry': {
    name: 'Phạm Thu Hà',
    title: 'Công chức Tư pháp - Hộ tịch',
    unit: 'Bộ phận Tư pháp - Hộ tịch',
  },
  construction: { name: 'Trần Thị Bình', title: 'Chuyên viên', unit: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  transport: { name: 'Lê Minh Tuấn', title: 'Chuyên viên', unit: 'Phòng Quản lý vận tải' },
};
