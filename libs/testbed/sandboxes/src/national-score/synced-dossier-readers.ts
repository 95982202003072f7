import type { INestApplicationContext } from '@nestjs/common';
import { PortalSandboxStore } from '../national-portal/portal-sandbox.store';
import type { SyncedDossier, SyncedDossierReader } from './synced-dossier';

const PAGE = 1000;

/** Reads the portal sandbox's store directly: both sandboxes in one process. */
export function portalStoreReader(store: PortalSandboxStore): SyncedDossierReader {
  return {
    dossiers: async () => store.list().map(({ record, progress }) => ({ record, progress: [...progress] })),
  };
}

/** Reads the store of a running portal sandbox app (PortalSandboxModule) in the same process. */
export function portalAppReader(portalApp: INestApplicationContext): SyncedDossierReader {
  return portalStoreReader(portalApp.get(PortalSandboxStore, { strict: false }));
}

/** Reads a portal sandbox in another process through its `GET /_sandbox/dossiers` listing, page by page. */
export function portalHttpReader(baseUrl: string): SyncedDossierReader {
  return {
    async dossiers() {
      const held: SyncedDossier[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const response = await fetch(`${baseUrl}/_sandbox/dossiers?offset=${offset}&limit=${PAGE}`);
        if (!response.ok) throw new Error(`portal sandbox listing answered HTTP ${response.status}`);
        const page = (await response.json()) as { dossiers: SyncedDossier[] };
        held.push(...page.dossiers.map(({ record, progress }) => ({ record, progress })));
        if (page.dossiers.length < PAGE) return held;
      }
    },
  };
}
