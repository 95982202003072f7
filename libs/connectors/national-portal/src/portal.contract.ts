/** The National Public Service Portal's dossier-sync contract (DOMAIN.md), in one place. */
export const PortalPath = {
  Login: '/login',
  Service: '/service',
} as const;

export const PortalService = {
  SyncDossier: 'DongBoHoSoMC',
  UpdateProgress: 'CapNhatTienDoHoSoMC',
  LookupDossier: 'TraCuuHoSo',
} as const;

export type PortalServiceName = (typeof PortalService)[keyof typeof PortalService];

/** `isUpdating` of DongBoHoSoMC is a string, not a boolean. */
export const IsUpdating = { Create: 'False', Update: 'True' } as const;

/**
 * `error_code` values. Real portals send strings and older gateways numbers; success is read as text,
 * whichever way it came. Failure codes differ between portals ("3" means "đã tồn tại" at some), so a
 * failure is read from its message; only the older gateways' numeric codes have a known meaning.
 */
export const PortalErrorCode = {
  Ok: ['0', '00'] as readonly string[],
  LegacySessionExpired: 2,
  LegacyNotFound: 3,
} as const;

/*
 * Message markers, compared NFC-normalized and lower-cased: the message decides more than the code.
 * "không tồn tại" (does not exist) does not contain "đã tồn tại" (already exists), so the two never mix.
 */
/** Creating a dossier the portal already holds is refused with a message containing this. */
export const ALREADY_EXISTS = 'đã tồn tại';
/** An update of a dossier the portal does not hold is refused with a message containing this. */
export const DOES_NOT_EXIST = 'không tồn tại';
/** A session that is invalid or expired ("Phiên làm việc không hợp lệ hoặc đã hết hạn"). */
export const SESSION = 'phiên';

/** Integrations send progress records in chunks of at most this many. */
export const PROGRESS_CHUNK_SIZE = 10;

export const PORTAL_LIMITS = { TrichYeuHoSo: 1000, NguoiXuLy: 50 } as const;

export interface PortalAnswer<Result = unknown> {
  error_code: string | number;
  message?: string;
  result?: Result;
  session?: string;
}
