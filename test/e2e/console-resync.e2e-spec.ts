import axios from 'axios';
import { runCli } from '../support/cli-run';
import { ConsoleHarness } from '../support/console-harness';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { loadFixtureDossiers } from '../support/source-fixtures';

jest.setTimeout(180_000);

interface AuditRow {
  actor: string;
  role: string;
  action: string;
  target: string;
  result: string;
  detail: Record<string, unknown>;
}

/**
 * The console's per-dossier re-sync, on the real broker, PostgreSQL and the portal sandbox: a dossier
 * the portal lost is put back from what Lienthong last sent, by an operator, audited; a viewer is refused,
 * audited too, and the portal is left as it was.
 */
describe('console re-sync of one dossier with the national portal', () => {
  const sut = new ConsoleHarness();
  const dossiers = loadFixtureDossiers('motcua');
  let operator: string;
  let viewer: string;

  const auditOf = async (target: string): Promise<AuditRow[]> => {
    const { data } = await sut.api(operator).get('/audit', { params: { limit: 1000 } });
    // Oldest first: the audit API lists the newest first.
    return (data.entries as AuditRow[]).filter((entry) => entry.target.includes(target)).reverse();
  };

  beforeAll(async () => {
    await sut.start();
    await sut.startConsole({ CONSOLE_PORTAL_RESYNC: 'true' });
    [operator, viewer] = await Promise.all([sut.token('operator'), sut.token('viewer')]);
    for (const dossier of dossiers) {
      await publish(
        sut.topics.source('motcua'),
        dossier.events.map(({ bytes }) => ({ key: dossier.dossierCode, value: bytes })),
      );
    }
    const events = dossiers.flatMap((dossier) => dossier.events).length;
    await eventually(
      () =>
        sut.withDatabase((client) =>
          client.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${sut.schema}.delivery_ledger WHERE connector = 'national-portal' AND outcome = 'delivered'`,
          ),
        ),
      ({ rows }) => Number(rows[0].n) === events,
    );
  });

  afterAll(() => sut.close());

  it("restores a dossier deleted at the portal from the ledger's last record, audited with who, which and the outcome", async () => {
    const lost = dossiers[0].expectedPortal;
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${lost.MaHoSo}`);
    expect(await sut.portal.lookup(lost.MaHoSo)).toBeUndefined();

    const { status, data } = await sut.api(operator).post(`/dossiers/${lost.MaHoSo}/resync`, {});

    expect(status).toBe(200);
    expect(data).toEqual({ dossierCode: lost.MaHoSo, outcome: 'restored', drift: 'missing', fields: [] });
    expect(await sut.portal.lookup(lost.MaHoSo)).toMatchObject(lost);
    const rows = await auditOf(`dossier/${lost.MaHoSo}`);
    expect(rows.map((row) => [row.actor, row.role, row.action, row.result])).toEqual([
      [`operator-${sut.id}`, 'operator', 'dossier.resync', 'pending'],
      [`operator-${sut.id}`, 'operator', 'dossier.resync', 'ok'],
    ]);
    expect(rows[1].detail).toMatchObject({ outcome: 'restored', drift: 'missing' });

    // Once in line, a second re-sync finds nothing to send.
    const again = await sut.api(operator).post(`/dossiers/${lost.MaHoSo}/resync`, {});
    expect(again.data).toMatchObject({ outcome: 'in_line', drift: null });
  });

  it('puts back fields the portal holds otherwise', async () => {
    const altered = dossiers[1].expectedPortal;
    await axios.patch(`${sut.portal.baseUrl}/_sandbox/dossiers/${altered.MaHoSo}`, { TrangThaiHoSo: '1' });

    const { status, data } = await sut.api(operator).post(`/dossiers/${altered.MaHoSo}/resync`, {});

    expect(status).toBe(200);
    expect(data).toMatchObject({ outcome: 'restored', drift: 'differing', fields: ['TrangThaiHoSo'] });
    expect(await sut.portal.lookup(altered.MaHoSo)).toMatchObject(altered);
  });

  it('refuses a viewer and audits the refusal, leaving the portal as it was', async () => {
    const lost = dossiers[0].expectedPortal;
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${lost.MaHoSo}`);

    const { status } = await sut.api(viewer).post(`/dossiers/${lost.MaHoSo}/resync`, {});

    expect(status).toBe(403);
    expect(await sut.portal.lookup(lost.MaHoSo)).toBeUndefined();
    const refused = (await auditOf(`/dossiers/${lost.MaHoSo}/resync`)).filter(
      (row) => row.result === 'refused',
    );
    expect(refused).toEqual([
      expect.objectContaining({
        actor: `viewer-${sut.id}`,
        role: 'viewer',
        action: 'POST /api/v1/dossiers/:code/resync',
      }),
    ]);
    await sut.api(operator).post(`/dossiers/${lost.MaHoSo}/resync`, {});
  });

  it('re-syncs one dossier on the host too: `lienthong reconcile --dossier`', async () => {
    const lost = dossiers[1].expectedPortal;
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${lost.MaHoSo}`);

    const { output, exitCode } = await runCli(sut.env({ PORTAL_URL: sut.portal.baseUrl }), [
      '--json',
      'reconcile',
      '--dossier',
      lost.MaHoSo,
    ]);

    expect(exitCode).toBeFalsy();
    expect(JSON.parse(output)).toMatchObject({
      checked: 1,
      missing: 1,
      restored: 1,
      drifts: [{ dossierCode: lost.MaHoSo, outcome: 'restored' }],
    });
    expect(await sut.portal.lookup(lost.MaHoSo)).toMatchObject(lost);
  });

  it('answers 404 for a dossier Lienthong never delivered, audited as failed', async () => {
    const { status, data } = await sut.api(operator).post('/dossiers/000.00.12.H26-000000-9999/resync', {});

    expect(status).toBe(404);
    expect(data.message).toMatch(/has not delivered/);
    const rows = await auditOf('dossier/000.00.12.H26-000000-9999');
    expect(rows.map((row) => row.result)).toEqual(['pending', 'failed']);
  });
});
