/**
 * The portal's side of the dossier-sync contract, written from DOMAIN.md and the golden files in
 * test/fixtures/contracts/national-portal, never from the connector's client: a contract misread once
 * must fail a test, not be mirrored on both sides.
 */
export const PortalServiceName = {
  SyncDossier: 'DongBoHoSoMC',
  UpdateProgress: 'CapNhatTienDoHoSoMC',
  LookupDossier: 'TraCuuHoSo',
} as const;

/** DongBoHoSoMC's `isUpdating` is the string "True" or "False". */
export const IsUpdating = { Yes: 'True', No: 'False' } as const;

/** Progress records come in chunks of at most 10; the sandbox also caps a dossier batch. */
export const MAX_PROGRESS_RECORDS = 10;
export const MAX_DOSSIERS = 100;

/** How `error_code` is written: real portals send strings, older gateways numbers. */
export const ERROR_CODE_STYLES = ['string', 'number'] as const;
export type ErrorCodeStyle = (typeof ERROR_CODE_STYLES)[number];

export type Failure = 'invalid' | 'credentials' | 'session' | 'already-exists' | 'does-not-exist';

/**
 * The codes the sandbox answers with. A real portal's failure codes do not say which failure it is
 * ("3" answers a create of a dossier it holds; "-3" an expired session): only the message does.
 * Older gateways kept a numeric table of their own.
 */
export const ErrorCodes: Record<ErrorCodeStyle, { ok: string | number } & Record<Failure, string | number>> =
  {
    string: {
      ok: '0',
      invalid: '-1',
      credentials: '-1',
      session: '-3',
      'already-exists': '3',
      'does-not-exist': '-1',
    },
    number: { ok: 0, invalid: 1, credentials: 1, session: 2, 'already-exists': 1, 'does-not-exist': 3 },
  };

/** The portal's Vietnamese messages, which integrations read to tell failures apart. */
export const PortalMessage = {
  Ok: 'Thành công',
  WrongCredentials: 'Sai tên đăng nhập hoặc mật khẩu',
  SessionInvalid: 'Phiên làm việc không hợp lệ hoặc đã hết hạn',
  alreadyExists: (dossierCode: string) => `Hồ sơ ${dossierCode} đã tồn tại trên hệ thống`,
  doesNotExist: (dossierCode: string) => `Hồ sơ ${dossierCode} không tồn tại trên hệ thống`,
} as const;

export interface PortalSandboxAnswer {
  error_code: string | number;
  message: string;
  result?: unknown;
  session?: string;
}
