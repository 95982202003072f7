/** The kinds of personal data Lienthong carries, each masked its own way. */
export type PersonalKind = 'id' | 'name' | 'birthDate' | 'phone' | 'email' | 'address';

/**
 * Field names are compared folded (lower case, letters and digits only), so `SoDinhDanh`,
 * `soDinhDanh` and `ns1:SoDinhDanh` read alike. Sources: DOMAIN.md (the portal's dossier record, the
 * population database's lookup and answer), SOURCES.md (motcua, hotich, gtvt, payment requests) and
 * schemas/dossier.v1.json (`applicant`).
 */
export const fold = (key: string) =>
  key
    .toLowerCase()
    .replace(/^.*:/, '')
    .replace(/[^a-z0-9]/g, '');

/** Fields that hold one kind of personal data wherever they appear; an object value is masked whole. */
export const PERSONAL_FIELDS: ReadonlyMap<string, PersonalKind> = new Map<string, PersonalKind>([
  // Personal ID numbers: the portal's SoGiayToChuHoSo and DinhDanhCHS[].SoDinhDanh, the population
  // database's SoDinhDanh / SoCMND, motcua's soDinhDanh, gtvt's nationalId, a payer's identityNumber.
  ...['sodinhdanh', 'socmnd', 'socccd', 'sogiaytochuhoso', 'nationalid', 'identitynumber', 'personalid'].map(
    (key) => [key, 'id'] as const,
  ),
  // Names: the portal's ChuHoSo, the population database's HoVaTen (a string, or {Ho, ChuDem, Ten}),
  // motcua's and hotich's hoTen, gtvt's fullName.
  ...['chuhoso', 'hoten', 'hovaten', 'fullname', 'tenchuhoso'].map((key) => [key, 'name'] as const),
  // Birth dates: NgaySinh, NgayThangNamSinh{Nam, NgayThangNam}, birthDate (gtvt sends epoch ms).
  ...['ngaysinh', 'ngaythangnamsinh', 'namsinh', 'birthdate', 'dateofbirth'].map(
    (key) => [key, 'birthDate'] as const,
  ),
  // Phones: the portal's SoDienThoai and Fax (the applicant's), motcua's dienThoai, the shared phone.
  ...['sodienthoai', 'dienthoai', 'phone', 'phonenumber', 'mobile', 'fax'].map(
    (key) => [key, 'phone'] as const,
  ),
  ...['email', 'thudientu'].map((key) => [key, 'email'] as const),
  // Addresses: a payer's address, the population database's ThuongTru / NoiOHienTai / QueQuan.
  ...['diachi', 'address', 'thuongtru', 'noiohientai', 'quequan', 'noithuongtru', 'diachithuongtru'].map(
    (key) => [key, 'address'] as const,
  ),
]);

/**
 * Objects that describe one person (the shared `applicant` and its `identity`, motcua's `chuHoSo`,
 * hotich's `NguoiYeuCau`, a payment's `payer`, the population database's `CongDan` and `ChuHo`).
 * Inside them generic names mean personal data; elsewhere (`procedure.name`, `agency.name`) they do not.
 */
export const PERSON_OBJECTS: ReadonlySet<string> = new Set([
  'applicant',
  'identity',
  'chuhoso',
  'nguoiyeucau',
  'payer',
  'congdan',
  'chuho',
]);

export const PERSON_OBJECT_FIELDS: ReadonlyMap<string, PersonalKind> = new Map<string, PersonalKind>([
  ['name', 'name'],
  ['ten', 'name'],
  ['number', 'id'],
  // hotich's NguoiYeuCau/GiayTo is the applicant's ID paper (KetQua/GiayTo, a result, is not).
  ['giayto', 'id'],
]);

/** Secrets are hidden whole, wherever they appear. */
export const SECRET_FIELD = /^(password|passwd|secret|session|token|authorization|apikey|api_key)$/i;
