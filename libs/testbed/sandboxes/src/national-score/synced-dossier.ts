import type { PortalDossier, PortalProgress } from '@lienthong/schemas';

/** A dossier as the portal holds it after DongBoHoSoMC and CapNhatTienDoHoSoMC. */
export interface SyncedDossier {
  record: PortalDossier;
  progress: PortalProgress[];
}

/**
 * Where the scoring sandbox reads what reached the portal: the portal sandbox's store in the same
 * process, or its `/_sandbox/dossiers` listing over HTTP.
 */
export interface SyncedDossierReader {
  dossiers(): Promise<SyncedDossier[]>;
}

/** The agency a dossier belongs to: the prefix of its code (`{agency code}-{yyMMdd}-{sequence}`). */
export const agencyOf = (record: PortalDossier): string => record.MaHoSo.split('-')[0];
