import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { portalSandboxConfigSpec } from '../national-portal/portal-sandbox.config';
import { PortalSandboxModule } from '../national-portal/portal-sandbox.module';
import { PortalSandboxStore } from '../national-portal/portal-sandbox.store';
import { heldDossiers } from './national-score.fixture';
import { portalAppReader, portalHttpReader } from './synced-dossier-readers';

describe('the readers of what the portal sandbox holds', () => {
  let portal: RunningApp;
  const [held] = heldDossiers();

  beforeAll(async () => {
    portal = await startApp(
      'sandbox-national-portal',
      PortalSandboxModule.register(readConfig(portalSandboxConfigSpec, {})),
      { port: 0 },
    );
    const store = portal.app.get(PortalSandboxStore, { strict: false });
    store.create(held.record);
    store.addProgress(held.progress);
  });

  afterAll(() => portal.app.close());

  it.each([
    ['in the same process', () => portalAppReader(portal.app)],
    ['over HTTP, through GET /_sandbox/dossiers', () => portalHttpReader(portal.url!)],
  ])('reads every synced dossier with its progress records %s', async (_, sut) => {
    expect(await sut().dossiers()).toEqual([held]);
  });
});
