/** The National Public Service Portal's dossier-sync contract (DOMAIN.md), in one place. */
export const PortalService = {
  SyncDossier: 'DongBoHoSoMC',
  UpdateProgress: 'CapNhatTienDoHoSoMC',
  LookupDossier: 'TraCuuHoSo',
} as const;

export type PortalServiceName = (typeof PortalService)[keyof typeof PortalService];

/** `error_code` values: 0 is success; the others are the ones integrations act on. */
export const PortalErrorCode = {
  Ok: 0,
  Invalid: 1,
  SessionExpired: 2,
  NotFound: 3,
} as const;

/** The portal's answer to a create of a dossier it already holds contains this. */
export const ALREADY_EXISTS = 'đã tồn tại';

/** Integrations send progress records in chunks of at most this many. */
export const PROGRESS_CHUNK_SIZE = 10;

export const PORTAL_LIMITS = { TrichYeuHoSo: 1000, NguoiXuLy: 50 } as const;

export interface PortalAnswer<Result = unknown> {
  error_code: number;
  message?: string;
  result?: Result;
  session?: string;
}
